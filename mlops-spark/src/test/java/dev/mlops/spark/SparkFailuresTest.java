package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkFailuresTest {
    private final SparkSession spark = LocalSpark.session();

    /** Runs a count over two partitions whose tasks throw what {@code failure} makes. */
    private long failing(MapFunction<Long, Long> failure) {
        return SparkFailures.run(() -> spark.range(0, 4, 1, 2).map(failure, Encoders.LONG()).count());
    }

    @Test
    void mlopsOwnExceptionFromATaskIsRethrownAsItself() {
        assertThatThrownBy(() -> failing(i -> {
            throw new MlopsException("column 'x' cannot hold 9007199254740993");
        })).isExactlyInstanceOf(MlopsException.class).hasMessage("column 'x' cannot hold 9007199254740993")
                .satisfies(e -> assertThat(e.getSuppressed()).hasOnlyElementsOfType(SparkException.class));
    }

    @Test
    void aTaskFailingOnBadInputIsAnMlopsException() {
        assertThatThrownBy(() -> failing(i -> {
            throw new IllegalArgumentException("not a number: 'abc'");
        })).isExactlyInstanceOf(MlopsException.class).hasMessageContaining("not a number: 'abc'")
                .hasCauseInstanceOf(SparkException.class);
        assertThatThrownBy(() -> failing(i -> {
            throw new UncheckedIOException(new IOException("part-00001 vanished"));
        })).isExactlyInstanceOf(MlopsException.class).hasMessageContaining("part-00001 vanished");
    }

    @Test
    void aBugInATaskIsNotBadInput() {
        assertThatThrownBy(() -> failing(i -> {
            throw new NullPointerException("a check's bug");
        })).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not because of the input").hasMessageContaining("a check's bug")
                .hasCauseInstanceOf(SparkException.class)
                .satisfies(e -> assertThat(SparkJob.describe((Exception) e).exitCode())
                        .isEqualTo(SparkJob.EXIT_INTERNAL_ERROR));
    }

    @Test
    void anErrorInATaskIsNotBadInput() {
        assertThatThrownBy(() -> failing(i -> {
            throw new AssertionError("model bug");
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("model bug");
    }

    @Test
    void theJobTellsBadInputFromABug() {
        assertThat(SparkJob.describe(new MlopsException("bad")).exitCode()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
        IllegalStateException lost = new IllegalStateException("Spark action failed",
                new RuntimeException("executor lost"));
        assertThat(SparkJob.describe(lost).exitCode()).isEqualTo(SparkJob.EXIT_INTERNAL_ERROR);
    }
}
