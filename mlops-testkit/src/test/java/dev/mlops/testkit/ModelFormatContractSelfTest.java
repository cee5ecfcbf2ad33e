package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.ModelFormatException;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The model format contract passes a sound format and fails each kind of broken one. */
class ModelFormatContractSelfTest {
    private static final ThresholdRule RULE = new ThresholdRule("x", 12.5, "small", "large");
    private static final Table FEATURES = Table.of(NumericColumn.of("x", -3, 12.4999, 12.5, 40));

    /** The threshold-rule format with a change: to what it writes, or to how it reads. */
    private static class Broken implements ModelFormat {
        final ThresholdRuleFormat sound = new ThresholdRuleFormat();

        @Override
        public String type() {
            return sound.type();
        }

        @Override
        public Record settings() {
            return sound.settings();
        }

        @Override
        public boolean canWrite(Predictor predictor) {
            return sound.canWrite(predictor);
        }

        @Override
        public void write(Predictor predictor, OutputStream out) {
            sound.write(predictor, out);
        }

        @Override
        public Predictor read(InputStream in, String source) {
            return sound.read(in, source);
        }
    }

    private static ModelFormatContract contract(ModelFormat format) {
        return new ModelFormatContract() {
            @Override
            protected ModelFormat format() {
                return format;
            }

            @Override
            protected Predictor predictor() {
                return RULE;
            }

            @Override
            protected Table features() {
                return FEATURES;
            }
        };
    }

    @Test
    void aSoundFormatPasses() {
        ModelFormatContract contract = contract(new ThresholdRuleFormat());

        assertThatCode(() -> {
            contract.roundTripPredictsTheSame();
            contract.writesWhatCanWriteAcceptsAndRefusesTheRestNamingTheClass();
            contract.garbageIsRefusedNamingTheSource();
            contract.truncatedInputIsRefusedNamingTheSource();
            contract.anotherFormatsBytesAreRefusedNamingTheSource();
            contract.readingLeavesTheStreamOpen();
            contract.writingFlushesButLeavesTheStreamOpen();
            contract.new Determinism().oneInstanceGivesEqualResults();
            contract.new Determinism().twoInstancesMadeAlikeGiveEqualResults();
            contract.new ThreadSafety().oneInstanceFromEightThreadsAtOnce();
        }).doesNotThrowAnyException();
    }

    @Test
    void aFormatThatLosesPrecisionFails() {
        ModelFormatContract contract = contract(new Broken() {
            @Override
            public void write(Predictor predictor, OutputStream out) {
                ThresholdRule rule = (ThresholdRule) predictor;
                sound.write(new ThresholdRule(rule.feature(), (float) Math.round(rule.threshold()), rule.below(),
                        rule.above()), out);
            }
        });

        assertThatThrownBy(contract::roundTripPredictsTheSame).isInstanceOf(AssertionError.class)
                .hasMessageContaining("predicts otherwise than the one written").hasMessageContaining("row 2");
    }

    @Test
    void aFormatThatReadsAnythingFails() {
        ModelFormatContract contract = contract(new Broken() {
            @Override
            public Predictor read(InputStream in, String source) {
                try {
                    in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return RULE;
            }
        });

        assertThatThrownBy(contract::garbageIsRefusedNamingTheSource).isInstanceOf(AssertionError.class)
                .hasMessageContaining("read no bytes as a model instead of refusing it");
        assertThatThrownBy(contract::truncatedInputIsRefusedNamingTheSource).isInstanceOf(AssertionError.class)
                .hasMessageContaining("read the first 1 of the");
    }

    @Test
    void aRefusalThatDoesNotNameTheSourceOrIsAnotherExceptionFails() {
        ModelFormatContract unnamed = contract(new Broken() {
            @Override
            public Predictor read(InputStream in, String source) {
                return sound.read(in, "the model");
            }
        });
        ModelFormatContract wrongType = contract(new Broken() {
            @Override
            public Predictor read(InputStream in, String source) {
                try {
                    return sound.read(in, source);
                } catch (ModelFormatException e) {
                    throw new IllegalStateException("bad model", e);
                }
            }
        });

        assertThatThrownBy(unnamed::garbageIsRefusedNamingTheSource).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the refusal of no bytes");
        assertThatThrownBy(wrongType::truncatedInputIsRefusedNamingTheSource).isInstanceOf(AssertionError.class)
                .hasMessageContaining("instead of a ModelFormatException naming the source");
    }

    @Test
    void aFormatWhoseBytesChangeFromWriteToWriteFails() {
        AtomicInteger writes = new AtomicInteger();
        ModelFormatContract contract = contract(new Broken() {
            @Override
            public void write(Predictor predictor, OutputStream out) {
                ThresholdRule rule = (ThresholdRule) predictor;
                sound.write(new ThresholdRule(rule.feature(), rule.threshold(), rule.below(), rule.above()
                        + " ".repeat(writes.incrementAndGet() % 2)), out);
            }

            @Override
            public Predictor read(InputStream in, String source) {
                ThresholdRule rule = (ThresholdRule) sound.read(in, source);
                return new ThresholdRule(rule.feature(), rule.threshold(), rule.below(), rule.above().strip());
            }
        });

        assertThatThrownBy(() -> contract.new Determinism().oneInstanceGivesEqualResults())
                .isInstanceOf(AssertionError.class).hasMessageContaining("two runs of one instance on the same input"
                        + " differ").hasMessageContaining("byte");
        assertThatThrownBy(contract::writingFlushesButLeavesTheStreamOpen).isInstanceOf(AssertionError.class);
    }

    @Test
    void aFormatThatWritesWhatItCannotReadOrRefusesWithoutNamingTheClassFails() {
        ModelFormatContract writesAnything = contract(new Broken() {
            @Override
            public boolean canWrite(Predictor predictor) {
                return true;
            }
        });
        ModelFormatContract unnamedRefusal = contract(new Broken() {
            @Override
            public void write(Predictor predictor, OutputStream out) {
                if (!canWrite(predictor)) {
                    throw new IllegalArgumentException("cannot write this model");
                }
                sound.write(predictor, out);
            }
        });

        assertThatThrownBy(writesAnything::writesWhatCanWriteAcceptsAndRefusesTheRestNamingTheClass)
                .isInstanceOf(AssertionError.class).hasMessageContaining("canWrite");
        assertThatThrownBy(unnamedRefusal::writesWhatCanWriteAcceptsAndRefusesTheRestNamingTheClass)
                .isInstanceOf(AssertionError.class).hasMessageContaining("cannot write this model");
    }

    @Test
    void aFormatThatClosesOrLeavesUnreadTheCallersStreamFails() {
        ModelFormatContract closesOnRead = contract(new Broken() {
            @Override
            public Predictor read(InputStream in, String source) {
                try (in) {
                    return sound.read(in, source);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        ModelFormatContract closesOnWrite = contract(new Broken() {
            @Override
            public void write(Predictor predictor, OutputStream out) {
                try (out) {
                    sound.write(predictor, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        ModelFormatContract unflushed = contract(new Broken() {
            @Override
            public void write(Predictor predictor, OutputStream out) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                sound.write(predictor, bytes);
                try {
                    out.write(bytes.toByteArray());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });

        assertThatThrownBy(closesOnRead::readingLeavesTheStreamOpen).isInstanceOf(AssertionError.class)
                .hasMessageContaining("closed the caller's stream");
        assertThatThrownBy(closesOnWrite::writingFlushesButLeavesTheStreamOpen).isInstanceOf(AssertionError.class)
                .hasMessageContaining("closed the caller's stream");
        assertThatThrownBy(unflushed::writingFlushesButLeavesTheStreamOpen).isInstanceOf(AssertionError.class)
                .hasMessageContaining("without a flush by the caller");
    }

    @Test
    void aFormatThatReadsAnotherFormatsBytesFails() {
        ModelFormatContract contract = contract(new Broken() {
            @Override
            public String type() {
                return "lenient-rule";
            }

            @Override
            public Predictor read(InputStream in, String source) {
                try {
                    in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return RULE;
            }
        });

        assertThatThrownBy(contract::anotherFormatsBytesAreRefusedNamingTheSource).isInstanceOf(AssertionError.class)
                .hasMessageContaining("read the bytes model format 'threshold-rule' wrote as a model");
    }

    /** {@link ModelFormatContract#predictionDifference}: exact, or within a tolerance with ties forgiven. */
    @Nested
    class PredictionDifference {
        private final Outputs outputs = Outputs.classification(List.of("a", "b"));

        @Test
        void withoutAToleranceAnyDifferenceCounts() {
            Table expected = outputs.classifications(new double[][] {{0.6, 0.4}});

            assertThat(ModelFormatContract.predictionDifference(expected, outputs.classifications(
                    new double[][] {{0.6, 0.4}}), 0)).isEmpty();
            assertThat(ModelFormatContract.predictionDifference(expected, outputs.classifications(
                    new double[][] {{0.6000001, 0.3999999}}), 0)).isPresent();
        }

        @Test
        void withAToleranceScoresWithinItPassAndBeyondItFail() {
            Table expected = outputs.classifications(new double[][] {{0.6, 0.4}, {0.2, 0.8}});

            assertThat(ModelFormatContract.predictionDifference(expected, outputs.classifications(
                    new double[][] {{0.600001, 0.399999}, {0.2, 0.8}}), 1e-5)).isEmpty();
            assertThat(ModelFormatContract.predictionDifference(expected, outputs.classifications(
                    new double[][] {{0.6, 0.4}, {0.2001, 0.7999}}), 1e-5)).hasValueSatisfying(difference ->
                    assertThat(difference).startsWith("row 1, column 'score@a': 0.2001, expected 0.2 (off by"));
        }

        @Test
        void withAToleranceAClassFlipsOnlyOnATie() {
            Table tie = outputs.classifications(new double[][] {{0.500001, 0.499999}});
            Table flipped = outputs.classifications(new double[][] {{0.499999, 0.500001}});
            Table clear = outputs.classifications(new double[][] {{0.7, 0.3}});

            assertThat(ModelFormatContract.predictionDifference(tie, flipped, 1e-5)).isEmpty();
            assertThat(ModelFormatContract.predictionDifference(clear, outputs.classifications(
                    new double[][] {{0.3, 0.7}}), 0.1)).hasValue("row 0, column 'prediction': \"b\", expected \"a\"");
        }

        @Test
        void aRegressionValueBeyondTheToleranceFails() {
            Table expected = Outputs.regression().values(new double[] {1, 2});

            assertThat(ModelFormatContract.predictionDifference(expected, Outputs.regression().values(
                    new double[] {1.000001, 2}), 1e-5)).isEmpty();
            assertThat(ModelFormatContract.predictionDifference(expected, Outputs.regression().values(
                    new double[] {1, Double.NaN}), 1e-5)).isPresent();
        }
    }
}
