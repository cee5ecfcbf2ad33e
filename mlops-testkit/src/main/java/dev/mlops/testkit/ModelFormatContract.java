package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.ModelFormatException;
import dev.mlops.testkit.kit.Deterministic;
import dev.mlops.testkit.kit.Runs;
import dev.mlops.testkit.kit.SettingsRoundTrip;
import dev.mlops.testkit.kit.ThreadSafe;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ModelFormat} as a JUnit 5 test: extend this class, give the format, a
 * predictor it writes and rows the predictor accepts, and every test here runs against it.
 *
 * <pre>{@code
 * class RuleFormatContractTest extends ModelFormatContract {
 *     @Override
 *     protected ModelFormat format() {
 *         return new RuleFormat(new RuleFormat.Settings());
 *     }
 *
 *     @Override
 *     protected Predictor predictor() {
 *         return new ThresholdRule("amount", 1000);
 *     }
 *
 *     @Override
 *     protected Table features() {
 *         return CsvFormat.defaults().read(Path.of("features.csv"));
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks:
 * <ul>
 *   <li>the predictor, written and read back, has the same input schema and outputs and predicts
 *       the same table on {@link #features()}: exactly, or within {@link #tolerance()} for a
 *       format that documents one (then each score or value within it, and each predicted class
 *       the same unless two classes' scores lie within twice the tolerance);</li>
 *   <li>{@code canWrite} accepts the predictor; a predictor it refuses ({@link #unwritable()})
 *       makes {@code write} throw an {@link IllegalArgumentException} naming the predictor's class;</li>
 *   <li>input the format did not write is refused with a {@link ModelFormatException} whose
 *       message starts with the source's name: no bytes, garbage (text, random bytes), the written
 *       bytes cut short at several lengths, and the bytes every other registered format writes of
 *       the predictor;</li>
 *   <li>reading reads the caller's stream to its end without closing it; writing flushes the
 *       caller's stream without closing it.</li>
 * </ul>
 *
 * <p>And, from the kit's pieces ({@link dev.mlops.testkit.kit}), each run on "write the
 * predictor, read it back, predict {@link #features()}": determinism (the same bytes and the same
 * predictions from one format used twice and from two made alike; a failure names the first
 * differing byte or cell), thread safety (one format used from 8 threads at once), and the
 * settings round trip (the format's type is registered in {@link #registry()}, and the format
 * rebuilt from its spec string or JSON is equal and writes the same bytes).
 *
 * <p>A predictor read back that is {@link AutoCloseable} (an ONNX Runtime session) is closed after
 * use. The tests are package-private, so a subclass inherits every one and cannot weaken one by
 * overriding it; {@link #tolerance()} is the only way to narrow the contract, for a limit the
 * format documents.
 */
public abstract class ModelFormatContract {
    private static final String SOURCE = "contract-input";
    private static final long GARBAGE_SEED = 0x600D_F00DL;

    /** Creates the contract test; subclasses supply the format, a predictor and its rows. */
    protected ModelFormatContract() {
    }

    /** @return the format under test, a new instance made the same way each time */
    protected abstract ModelFormat format();

    /** @return a predictor the format writes, the same each time */
    protected abstract Predictor predictor();

    /** @return rows that the predictor's input schema accepts, the sample every round trip predicts */
    protected abstract Table features();

    /**
     * Returns how far a score or value predicted by the predictor read back may lie from the
     * original's. The default, 0, asks for the very same table; a format that runs the model in
     * other arithmetic (ONNX in float32) documents its tolerance and returns it here.
     *
     * @return the tolerance, 0 or more
     */
    protected double tolerance() {
        return 0;
    }

    /**
     * Returns a predictor the format must refuse to write. The default is a predictor of a class
     * private to this contract, which no format can know.
     *
     * @return a predictor for which {@code canWrite} is false
     */
    protected Predictor unwritable() {
        return new Unwritable();
    }

    /**
     * Returns the registry that must know the format's type, and whose other formats' bytes the
     * format must refuse; the default, {@link ComponentRegistry#defaults()}, finds every type listed
     * in {@code META-INF/services} on the class path. Override it for a type of the tests alone.
     *
     * @return the registry
     */
    protected ComponentRegistry registry() {
        return ComponentRegistry.defaults();
    }

    /** The predictor, written and read back, predicts the same on the sample. */
    @Test
    @DisplayName("written and read back, the predictor has the same input schema and outputs and predicts the same")
    void roundTripPredictsTheSame() {
        Predictor predictor = predictor();
        ModelFormat format = format();
        Predictor read = read(format, write(format, predictor));
        try {
            assertThat(read.inputSchema()).as("the input schema read back").isEqualTo(predictor.inputSchema());
            assertThat(read.outputs()).as("the outputs read back").isEqualTo(predictor.outputs());
            Table features = features();
            Optional<String> difference = predictionDifference(predictor.predict(features), read.predict(features),
                    tolerance());
            difference.ifPresent(found -> fail("the predictor read back from " + format.type() + " predicts"
                    + " otherwise than the one written" + (tolerance() > 0 ? ", beyond the tolerance "
                    + tolerance() : "") + ": " + found));
        } finally {
            close(read);
        }
    }

    /** The format accepts the predictor and refuses one it cannot write, naming its class. */
    @Test
    @DisplayName("canWrite accepts the predictor; a predictor it refuses is refused by write, naming its class")
    void writesWhatCanWriteAcceptsAndRefusesTheRestNamingTheClass() {
        ModelFormat format = format();
        assertThat(format.canWrite(predictor())).as("%s.canWrite(the contract's predictor)", format.type()).isTrue();
        Predictor unwritable = unwritable();
        assertThat(format.canWrite(unwritable)).as("%s.canWrite(%s)", format.type(), unwritable.getClass().getName())
                .isFalse();
        assertThatThrownBy(() -> format.write(unwritable, new ByteArrayOutputStream()))
                .as("writing a %s, which canWrite refuses", unwritable.getClass().getName())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(unwritable.getClass().getName());
    }

    /** Nothing, text and random bytes are refused naming the source. */
    @Test
    @DisplayName("no bytes, text and random bytes are refused with a ModelFormatException naming the source")
    void garbageIsRefusedNamingTheSource() {
        byte[] random = new byte[4096];
        new SplittableRandom(GARBAGE_SEED).nextBytes(random);
        SoftAssertions.assertSoftly(softly -> {
            assertRefused(softly, new byte[0], "no bytes");
            assertRefused(softly, "label,x\nyes,1.5\n".getBytes(StandardCharsets.UTF_8), "a CSV text");
            assertRefused(softly, "{\"kind\":\"model\"}".getBytes(StandardCharsets.UTF_8), "a JSON text");
            assertRefused(softly, random, "4096 random bytes");
        });
    }

    /** The written bytes cut short are refused naming the source. */
    @Test
    @DisplayName("the written bytes cut short (1 byte, a quarter, half, all but one) are refused naming the source")
    void truncatedInputIsRefusedNamingTheSource() {
        byte[] written = write(format(), predictor());
        SoftAssertions.assertSoftly(softly -> {
            for (int length : new int[] {1, written.length / 4, written.length / 2, written.length - 1}) {
                assertRefused(softly, Arrays.copyOf(written, length), "the first " + length + " of the "
                        + written.length + " bytes written");
            }
        });
    }

    /** Every other registered format's bytes of the predictor are refused naming the source. */
    @Test
    @DisplayName("the bytes every other registered format writes of the predictor are refused naming the source")
    void anotherFormatsBytesAreRefusedNamingTheSource() {
        ModelFormat format = format();
        Predictor predictor = predictor();
        SoftAssertions.assertSoftly(softly -> {
            for (ComponentType<?, ?> type : registry().types(ModelFormat.class)) {
                if (type.name().equals(format.type())) {
                    continue;
                }
                ModelFormat other = registry().create(ModelFormat.class, type.name());
                if (other.canWrite(predictor)) {
                    assertRefused(softly, write(other, predictor), "the bytes model format '" + type.name()
                            + "' wrote");
                }
            }
        });
    }

    /** Reading borrows the caller's stream: it reads to the end but does not close it. */
    @Test
    @DisplayName("reading reads the caller's stream to its end and does not close it")
    void readingLeavesTheStreamOpen() {
        ModelFormat format = format();
        ByteArrayInputStream bytes = new ByteArrayInputStream(write(format, predictor()));
        CloseRecordingInputStream in = new CloseRecordingInputStream(bytes);
        close(format.read(in, SOURCE));
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(in.closed()).as("whether reading closed the caller's stream").isFalse();
            softly.assertThat(bytes.available()).as("bytes reading left unread").isZero();
        });
    }

    /** Writing borrows the caller's stream: it flushes what it wrote but does not close it. */
    @Test
    @DisplayName("writing flushes the caller's stream and does not close it")
    void writingFlushesButLeavesTheStreamOpen() {
        ModelFormat format = format();
        Predictor predictor = predictor();
        byte[] expected = write(format, predictor);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CloseRecordingOutputStream out = new CloseRecordingOutputStream(new BufferedOutputStream(bytes, 1 << 20));
        format.write(predictor, out);
        assertThat(out.closed()).as("whether writing closed the caller's stream").isFalse();
        assertThat(bytes.toByteArray()).as("the bytes that reached the caller's stream without a flush by the caller"
                + " (the same predictor written twice)").isEqualTo(expected);
    }

    private void assertRefused(SoftAssertions softly, byte[] input, String what) {
        ModelFormat format = format();
        String source = "models/" + what.replace(' ', '-');
        try {
            Predictor read = format.read(new ByteArrayInputStream(input), source);
            close(read);
            softly.fail("format '%s' read %s as a model instead of refusing it", format.type(), what);
        } catch (ModelFormatException e) {
            softly.assertThat(e.getMessage()).as("the refusal of %s", what).startsWith(source);
        } catch (RuntimeException e) {
            softly.fail("format '%s' refused %s with %s instead of a ModelFormatException naming the source", format
                    .type(), what, e);
        }
    }

    /**
     * The first difference between two prediction tables beyond a tolerance.
     *
     * @param expected the original's predictions
     * @param actual the predictions of the predictor read back
     * @param tolerance how far a number may lie from the original's
     * @return the first difference, or empty if there is none
     */
    static Optional<String> predictionDifference(Table expected, Table actual, double tolerance) {
        if (tolerance == 0 || !expected.schema().equals(actual.schema()) || expected.rowCount() != actual.rowCount()) {
            return TableDifference.between(expected, actual);
        }
        Schema schema = expected.schema();
        for (int row = 0; row < expected.rowCount(); row++) {
            for (String name : schema.names()) {
                Column original = expected.column(name);
                Column read = actual.column(name);
                if (original instanceof NumericColumn numbers) {
                    double difference = Math.abs(numbers.get(row) - ((NumericColumn) read).get(row));
                    if (!(difference <= tolerance)) {
                        return Optional.of(String.format(Locale.ROOT, "row %d, column '%s': %s, expected %s (off by"
                                + " %s)", row, name, TableDifference.show(read, row),
                                TableDifference.show(original, row), difference));
                    }
                } else if (!original.format(row).equals(read.format(row)) && !tied(expected, row, tolerance)) {
                    return Optional.of("row " + row + ", column '" + name + "': " + TableDifference.show(read, row)
                            + ", expected " + TableDifference.show(original, row));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the two highest class scores of a row lie within twice the tolerance, so either may be predicted. */
    private static boolean tied(Table predictions, int row, double tolerance) {
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (String name : predictions.schema().names()) {
            if (name.startsWith(Outputs.SCORE_PREFIX)) {
                double score = predictions.numericColumn(name).get(row);
                if (score > best) {
                    second = best;
                    best = score;
                } else if (score > second) {
                    second = score;
                }
            }
        }
        return best - second <= 2 * tolerance;
    }

    private static byte[] write(ModelFormat format, Predictor predictor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(predictor, out);
        return out.toByteArray();
    }

    private static Predictor read(ModelFormat format, byte[] bytes) {
        return format.read(new ByteArrayInputStream(bytes), SOURCE);
    }

    private static void close(Predictor predictor) {
        if (predictor instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the predictor read back failed: " + e, e);
            }
        }
    }

    /**
     * What one round trip gives: the bytes written and the predictions of the predictor read back.
     *
     * @param written the bytes
     * @param predictions the predictions on the contract's rows
     */
    record Written(ByteBuffer written, Table predictions) {
    }

    private Written roundTrip(ModelFormat format) {
        byte[] bytes = write(format, predictor());
        Predictor read = read(format, bytes);
        try {
            return new Written(ByteBuffer.wrap(bytes), read.predict(features()));
        } finally {
            close(read);
        }
    }

    private static String difference(Written expected, Written actual) {
        if (!expected.written().equals(actual.written())) {
            return BytesDifference.first(bytes(expected.written()), bytes(actual.written()));
        }
        return "the predictions of the predictors read back differ: " + TableDifference.between(expected
                .predictions(), actual.predictions()).orElse("Table.equals differs from a cell-by-cell comparison");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** Writes the predictor, reads it back and predicts, for the determinism and thread-safety pieces. */
    private abstract class RoundTrips implements Runs<ModelFormat, Written> {
        @Override
        public ModelFormat subject() {
            return format();
        }

        @Override
        public Written run(ModelFormat format) {
            return roundTrip(format);
        }

        @Override
        public String firstDifference(Written expected, Written actual) {
            return difference(expected, actual);
        }
    }

    /** The same predictor gives the same bytes and predictions, from one format and from two made alike. */
    @Nested
    @DisplayName("determinism")
    class Determinism extends RoundTrips implements Deterministic<ModelFormat, Written> {
    }

    /** One format used from 8 threads at once writes and reads as on one thread. */
    @Nested
    @DisplayName("thread safety")
    class ThreadSafety extends RoundTrips implements ThreadSafe<ModelFormat, Written> {
    }

    /** The format is a component: registered, and rebuilt equal from its spec and its JSON. */
    @Nested
    @DisplayName("settings round trip")
    class Settings implements SettingsRoundTrip<ModelFormat, Written> {
        @Override
        public ModelFormat component() {
            return format();
        }

        @Override
        public Class<ModelFormat> kind() {
            return ModelFormat.class;
        }

        @Override
        public ComponentRegistry registry() {
            return ModelFormatContract.this.registry();
        }

        @Override
        public Written behaviour(ModelFormat format) {
            return roundTrip(format);
        }

        @Override
        public String behaviourDifference(Written expected, Written actual) {
            return difference(expected, actual);
        }
    }

    /** A predictor of a class no format knows: it predicts 0 for every row. */
    private static final class Unwritable implements Predictor {
        @Override
        public Schema inputSchema() {
            return Schema.of(List.of());
        }

        @Override
        public Outputs outputs() {
            return Outputs.regression();
        }

        @Override
        public Table predict(Table features) {
            return Outputs.regression().values(new double[features.rowCount()]);
        }
    }
}
