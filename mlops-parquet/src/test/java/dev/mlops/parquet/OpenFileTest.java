package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How an error message quotes what Parquet reported. */
class OpenFileTest {

    @Test
    void aCauseIsItsMessagesOuterToInnerEachOnce() {
        IOException inner = new IOException("can not read class PageHeader");
        RuntimeException outer = new RuntimeException("row group 2 is corrupt", new IllegalStateException(inner));

        assertThat(OpenFile.cause(outer)).isEqualTo("row group 2 is corrupt: java.io.IOException: can not read class"
                + " PageHeader");
        assertThat(OpenFile.cause(new IllegalStateException(inner))).isEqualTo("java.io.IOException: can not read class"
                + " PageHeader");
    }

    @Test
    void aCauseWithoutMessagesIsItsClassName() {
        assertThat(OpenFile.cause(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(OpenFile.cause(new IllegalStateException((String) null, new ArithmeticException())))
                .isEqualTo("IllegalStateException");
    }
}
