package dev.mlops.examples.lifecycle;

import dev.mlops.core.Seed;
import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Registration;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.StageChange;
import dev.mlops.train.experiment.ClassificationTree;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.experiment.LogisticRegression;
import dev.mlops.train.metrics.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A small stand-in for the development half, from public API only: credit-g with a seeded
 * application date, shuffled into 600 training, 100 validation and 300 held-out rows; a logistic
 * regression registered and promoted to production, a CART tree registered and approved as the
 * candidate, each registered with its macro-F1 and accuracy on the validation rows (as the walk
 * registers its models).
 */
final class DevelopmentFixture {
    static final String MODEL = "credit-risk";
    static final Principal AUTHOR = Principal.of("ada");
    static final Principal REVIEWER = Principal.of("grace");
    static final Principal PIPELINE = Principal.of("ci", List.of("pipeline"), List.of());

    private DevelopmentFixture() {
    }

    /**
     * The fixture's rows, with the label {@code class} and the date {@code applied_at}.
     *
     * @param train the 600 rows the models are trained on, the drift baseline
     * @param validation the 100 rows they are measured on when registered
     * @param heldOut the 300 rows the request streams are drawn from
     */
    record Rows(Table train, Table validation, Table heldOut) {
    }

    static Rows rows() {
        Table data = withDates(creditG(), new SplittableRandom(7));
        int[] rows = shuffled(data.rowCount(), new SplittableRandom(11));
        return new Rows(data.rows(Arrays.copyOfRange(rows, 0, 600)), data.rows(Arrays.copyOfRange(rows, 600, 700)),
                data.rows(Arrays.copyOfRange(rows, 700, rows.length)));
    }

    static Development development(Path directory) {
        Rows rows = rows();
        Table train = rows.train();
        Table validation = rows.validation();
        Table heldOut = rows.heldOut();
        ModelRegistry registry = ModelRegistry.open(directory.resolve("registry"));
        ModelFormat tribuo = ComponentRegistry.defaults().create(ModelFormat.class, "tribuo");
        ModelVersion first = register(registry, tribuo, model(LogisticRegression.defaults(), train, validation));
        registry.transition(PIPELINE, StageChange.toProduction(MODEL, first.version(), Stage.CANDIDATE,
                OptionalInt.empty(), "the first model, gated against the baseline"));
        ModelVersion second = register(registry, tribuo, model(ClassificationTree.defaults(), train, validation));
        return new Development(directory, registry, Principal.of("operations"),
                registry.require(PIPELINE, MODEL, first.version()), second, train, heldOut, "class", "applied_at");
    }

    private static ModelVersion register(ModelRegistry registry, ModelFormat format, ExperimentResult trained) {
        ModelVersion version = registry.register(AUTHOR, Registration.builder(MODEL)
                .predictor(format, trained.model()).metrics(trained.metrics()).build());
        registry.approve(REVIEWER, MODEL, version.version(), "reviewed");
        return version;
    }

    private static ExperimentResult model(Experiment experiment, Table train, Table validation) {
        return experiment.run(ExperimentContext.of(train, validation, "class", Seed.of(1),
                List.of(Metrics.macroF1(), Metrics.accuracy()), List.of(), null));
    }

    static Table creditG() {
        try (InputStream in = Objects.requireNonNull(DevelopmentFixture.class.getResourceAsStream("/data/credit-g.csv"),
                "/data/credit-g.csv on the classpath")) {
            return CsvFormat.defaults().read(in, "credit-g.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table withDates(Table data, SplittableRandom random) {
        Instant last = Instant.parse("2026-11-30T00:00:00Z");
        Instant[] dates = new Instant[data.rowCount()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = last.minus(Duration.ofDays(random.nextInt(730)));
        }
        List<Column> columns = new ArrayList<>(data.columns());
        columns.add(TimestampColumn.of("applied_at", dates));
        return Table.of(columns);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        return rows;
    }
}
