package dev.mlops.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DataFormatExceptionTest {

    @Nested
    class AboutALine {

        private final DataFormatException error =
                new DataFormatException("data/credit-g.csv", 3, "expected 21 values but found 22");

        @Test
        void messageNamesSourceAndLine() {
            assertThat(error).hasMessage("data/credit-g.csv line 3: expected 21 values but found 22");
        }

        @Test
        void carriesThePlaceAsFields() {
            assertThat(error.source()).isEqualTo("data/credit-g.csv");
            assertThat(error.line()).isEqualTo(3L);
            assertThat(error.column()).isEmpty();
            assertThat(error.columnIndex()).isEmpty();
        }

        @Test
        void isAnMlopsException() {
            assertThat(error).isInstanceOf(MlopsException.class).isInstanceOf(RuntimeException.class);
            assertThat(error.getCause()).isNull();
        }
    }

    @Nested
    class AboutAValue {

        private final DataFormatException error =
                new DataFormatException("stdin", 7, "Stadt", 2, "expected one of München, São Paulo but got 'Paris'");

        @Test
        void messageNamesSourceLineColumnAndIndex() {
            assertThat(error).hasMessage(
                    "stdin line 7, column 'Stadt' (2): expected one of München, São Paulo but got 'Paris'");
        }

        @Test
        void carriesThePlaceAsFields() {
            assertThat(error.source()).isEqualTo("stdin");
            assertThat(error.line()).isEqualTo(7L);
            assertThat(error.column()).hasValue("Stadt");
            assertThat(error.columnIndex()).hasValue(2);
        }

        @Test
        void linesBeyondIntRangeAreKept() {
            DataFormatException far = new DataFormatException("big.csv", 3_000_000_000L, "x", 1, "bad");

            assertThat(far.line()).isEqualTo(3_000_000_000L);
            assertThat(far).hasMessageStartingWith("big.csv line 3000000000, column 'x' (1): ");
        }
    }
}
