package dev.mlops.examples.lifecycle;

import dev.mlops.core.Seed;
import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.slice.Slice;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.gate.Evaluation;
import dev.mlops.deploy.gate.GateInput;
import dev.mlops.deploy.gate.GateReport;
import dev.mlops.deploy.gate.GateRule;
import dev.mlops.deploy.gate.MetricRule;
import dev.mlops.deploy.gate.QualityGate;
import dev.mlops.deploy.gate.RuleResult;
import dev.mlops.deploy.gate.SignificanceRule;
import dev.mlops.deploy.gate.SliceRule;
import dev.mlops.deploy.gate.ValidationSet;
import dev.mlops.deploy.registry.LineageTags;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Registration;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.StageChange;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.significance.BootstrapInterval;
import dev.mlops.train.significance.PairedBootstrap;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Steps 5 and 6 of the walk: the quality gate, then the registry.
 *
 * <p><b>Which rows the gates read.</b> The validation rows ranked the experiments (step 4), so a
 * gate on them would judge a model on the rows that chose it. Every gate here reads the test set
 * ({@value #GATE_SET}, 135 rows) and the recent set (100 rows) instead, which no choice used. The
 * gate library names its fixed set's scope {@code validation} in the findings; the report's
 * {@code validation} field names the set it was: {@code test (135 rows, fingerprint ...)}.
 *
 * <p><b>The first model.</b> In a fresh directory no model is in production, so there is nothing
 * to compare a candidate with but the baseline. The experiments meet {@link #firstGate} in the
 * order the team tried them ({@link TrainingOutcome#tried()}: the simple CART tree first): macro-F1
 * above the most-frequent baseline's on the test and the recent set, and significantly so on the
 * test set (paired bootstrap at the 5 % level). Slices are left out of this gate: the
 * most-frequent baseline says "good" to everyone, so on a slice of mostly good applicants any real
 * model looks worse than it, which says nothing about harm. The first experiment that passes is
 * registered, approved and promoted to production, and the output says it happened because none
 * existed.
 *
 * <p><b>The real gate.</b> The candidate is the best experiment on validation other than the one
 * the production model came from (its provenance names it), so in a fresh directory and on a rerun
 * alike it is a different model from production's: the logistic regression against the first
 * tree. It meets {@link #realGate} against production on the test and the recent set, slices
 * included ({@link #gateSlices}: those with enough rows to judge). Its rules are non-inferiority
 * within margins chosen for these set sizes (gated slices of 20 to 130 rows): macro-F1 no lower
 * than production's by more than {@value #METRIC_MARGIN} and no slice's accuracy lower by more
 * than {@value #SLICE_MARGIN}. With a slice of 20 rows one application is 0.05 of its accuracy;
 * tighter margins would turn single applications into verdicts. The output gives the measured
 * macro-F1 difference and its bootstrap interval on each set, so whether the candidate is better,
 * not just not worse, is read from numbers. The verdict is computed and printed either way; when
 * it fails, the candidate stays a candidate, unapproved, and the walk stops, since the canary
 * needs an approved candidate.
 *
 * <p><b>The registry.</b> Every version carries lineage tags (the build id, the commit the
 * tracking run recorded — {@link dev.mlops.train.tracking.CodeVersion} from the environment or
 * the git checkout, else none —, the data version: the fingerprint of the table the split was
 * made from, the split's spec and its test set's fingerprint, the training run), its validation
 * metrics and its gate report. {@link #APPROVER} approves; {@link #OPERATOR}, who holds the
 * pipeline role the default policy asks for, moves versions between stages.
 */
final class Promotion {
    /** The registered model's name. */
    static final String MODEL = "credit-approval";
    /** Who registers the versions: the data scientist. */
    static final Principal AUTHOR = Principal.of("ada");
    /** Who approves the versions: a reviewer other than the author. */
    static final Principal APPROVER = Principal.of("grace");
    /** Who moves versions between stages and rolls them out: the pipeline. */
    static final Principal OPERATOR = Principal.of("ci", List.of(ModelRegistry.PIPELINE_ROLE), List.of());
    /** The real gate's macro-F1 margin. */
    static final double METRIC_MARGIN = 0.05;
    /** The provenance entry of a version that names the experiment that trained it. */
    static final String EXPERIMENT = "experiment";
    /** The split's set the gates read besides the recent set: the one no choice used. */
    static final String GATE_SET = "test";
    /** The fewest rows a slice needs in the test set and in the recent set to be gated. */
    static final int MIN_SLICE_ROWS = 20;
    /** The real gate's slice accuracy margin. */
    static final double SLICE_MARGIN = 0.10;

    private Promotion() {
    }

    /**
     * The gate a first model meets when none is in production.
     *
     * @param seed the bootstrap's seed
     * @param clock stamps the report
     * @return macro-F1 above the baseline's on every set given, and significantly so on the first
     */
    static QualityGate firstGate(Seed seed, Clock clock) {
        List<GateRule> rules = List.of(new MetricRule(Metrics.macroF1(), 0.0),
                SignificanceRule.bootstrap(Metrics.macroF1(), SignificanceRule.Against.BASELINE));
        return QualityGate.of(rules, PairedBootstrap.of(seed), clock);
    }

    /**
     * The gate a candidate meets against the production model.
     *
     * @param seed the bootstrap's seed
     * @param clock stamps the report
     * @return non-inferiority of macro-F1 and of every slice's accuracy, within the margins
     */
    static QualityGate realGate(Seed seed, Clock clock) {
        List<GateRule> rules = List.of(new MetricRule(Metrics.macroF1(), METRIC_MARGIN),
                new SliceRule(Metrics.accuracy(), SLICE_MARGIN));
        return QualityGate.of(rules, PairedBootstrap.of(seed), clock);
    }

    /**
     * Gates, registers, approves and moves the models.
     *
     * @param split the sets and slices
     * @param training the trained models and their runs
     * @param registry the registry, on the walk's store
     * @param tracking the tracking store the runs are in
     * @param seed the walk's seed
     * @param clock stamps reports
     * @param console where the verdicts go
     * @return the versions and the gates
     * @throws IllegalStateException if no experiment passes the first gate, no experiment differs
     *     from production, or the candidate fails the real gate
     */
    static PromotionOutcome run(SplitOutcome split, TrainingOutcome training, ModelRegistry registry,
            TrackingStore tracking, Seed seed, Clock clock, Console console) {
        Path directory = split.file().getParent();
        List<Slice> slices = gateSlices(split);
        ValidationSet test = ValidationSet.of(GATE_SET, split.set(GATE_SET), CreditApplications.LABEL, slices);
        ValidationSet recent = ValidationSet.of(HeldOutSplit.RECENT, split.recent(), CreditApplications.LABEL, slices);
        ModelFormat format = ComponentRegistry.defaults().create(ModelFormat.class, "tribuo");
        List<Path> files = new ArrayList<>();

        Optional<GateReport> firstGateReport = Optional.empty();
        Optional<ModelVersion> existing = registry.production(OPERATOR, MODEL);
        ModelVersion production;
        if (existing.isPresent()) {
            production = existing.get();
            console.detail("production exists: %s:%d, so the candidate meets the real gate at once", MODEL,
                    production.version());
        } else {
            console.detail("no model in production yet: the first experiment, in the order tried, to beat the baseline"
                    + " on test + recent becomes production");
            Predictor baselineModel = training.model(training.baseline()).model();
            QualityGate gate = firstGate(seed, clock);
            ModelVersion first = null;
            for (String spec : training.tried()) {
                Predictor model = training.model(spec).model();
                GateReport report = gate.check(GateInput.of(Evaluation.of(spec, model, test))
                        .withBaseline(Evaluation.of(training.baseline(), baselineModel, test))
                        .withRecent(Evaluation.of(spec, model, recent),
                                Evaluation.of(training.baseline(), baselineModel, recent)));
                files.add(save(report, directory, "baseline"));
                console.detail("gate %s vs baseline: %s", spec, verdict(report));
                if (report.passed()) {
                    firstGateReport = Optional.of(report);
                    first = register(registry, tracking, format, split, training, spec, report, clock);
                    registry.approve(APPROVER, MODEL, first.version(), "first model: beats the baseline");
                    registry.transition(OPERATOR, StageChange.toProduction(MODEL, first.version(), Stage.CANDIDATE,
                            OptionalInt.empty(), "first model: none was in production; passed its gate against the baseline"));
                    break;
                }
            }
            if (first == null) {
                throw new IllegalStateException("no experiment passed its gate against the baseline " + training.baseline()
                        + "; see " + files);
            }
            production = registry.require(OPERATOR, MODEL, first.version());
            console.detail("registered %s:%d and promoted it to production, because none existed", MODEL,
                    production.version());
        }

        String productionSpec = production.provenance().getOrDefault(EXPERIMENT, "");
        String candidateSpec = training.ranked().stream().filter(spec -> !spec.equals(productionSpec)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no experiment other than the one in production ("
                        + MODEL + ":" + production.version() + ", " + productionSpec + ") trained; no candidate to gate"));
        Predictor productionModel = registry.load(OPERATOR, MODEL, production.version());
        Predictor candidateModel = training.model(candidateSpec).model();
        String productionName = MODEL + ":" + production.version();
        GateReport report = realGate(seed, clock).check(
                GateInput.of(Evaluation.of(candidateSpec, candidateModel, test))
                        .withProduction(Evaluation.of(productionName, productionModel, test))
                        .withRecent(Evaluation.of(candidateSpec, candidateModel, recent),
                                Evaluation.of(productionName, productionModel, recent)));
        files.add(save(report, directory, productionName));
        long slicesChecked = report.results().stream().filter(result -> result.scope().contains("slice")).count();
        console.detail("candidate: %s, the best on validation other than production's %s", candidateSpec,
                productionSpec);
        console.detail("gate %s vs production %s: %s", candidateSpec, productionName, verdict(report));
        for (RuleResult result : report.results()) {
            if (result.rule().startsWith(Metrics.macroF1().name()) && !result.scope().contains("slice")) {
                console.detail("  macro-F1 on %s: candidate %.3f, production %.3f, difference %+.3f%s",
                        result.scope().equals(GateInput.VALIDATION) ? GATE_SET : result.scope(), result.candidate(),
                        result.reference(), result.difference(), interval(result));
            }
        }
        console.detail("  %d findings in all, %d on the slices %s (>= %d rows in test and in recent)",
                report.results().size(), slicesChecked, slices.stream().map(Slice::name).toList(), MIN_SLICE_ROWS);
        console.step("Registry: lineage, gate report, approval");
        ModelVersion candidate = register(registry, tracking, format, split, training, candidateSpec, report, clock);
        if (!report.passed()) {
            throw new IllegalStateException("candidate " + MODEL + ":" + candidate.version() + " (" + candidateSpec
                    + ") failed its gate against production, so it is not approved and no canary starts:\n"
                    + report.describeFailures());
        }
        registry.approve(APPROVER, MODEL, candidate.version(), "gate passed; slices reviewed");
        registry.transition(OPERATOR, StageChange.of(MODEL, candidate.version(), Stage.CANDIDATE, Stage.STAGING,
                "gate passed against " + productionName + "; approved for a canary"));
        candidate = registry.require(OPERATOR, MODEL, candidate.version());
        Optional<String> commit = candidate.lineage().commit();
        console.detail("registered %s:%d (%s) with its lineage and gate report; approved by %s; now in %s", MODEL,
                candidate.version(), candidateSpec, APPROVER.name(), candidate.stage().name().toLowerCase(Locale.ROOT));
        console.detail("lineage: commit %s, data %s, run %s", commit.orElse("unknown (no git checkout, no MLOPS_CODE_VERSION)"),
                candidate.lineage().dataFingerprint().map(Object::toString).orElse("unknown"),
                candidate.lineage().runId().orElse("none"));
        return new PromotionOutcome(firstGateReport, production, candidate, report, files);
    }

    /**
     * The slices the real gate judges: those with at least {@value #MIN_SLICE_ROWS} rows in the
     * test set and in the recent set, where one application moves the accuracy by at most 0.05.
     * Smaller slices stay in the slice report of step 3, where their size is said.
     */
    static List<Slice> gateSlices(SplitOutcome split) {
        Table test = split.set(GATE_SET);
        return split.slices().stream()
                .filter(slice -> slice.count(test) >= MIN_SLICE_ROWS && slice.count(split.recent()) >= MIN_SLICE_ROWS)
                .toList();
    }

    private static ModelVersion register(ModelRegistry registry, TrackingStore tracking, ModelFormat format,
            SplitOutcome split, TrainingOutcome training, String spec, GateReport report, Clock clock) {
        String runId = training.row(spec).runId();
        LineageTags.Builder lineage = LineageTags.builder()
                .buildId("credit-approval-lifecycle " + clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .dataFingerprint(split.split().fingerprint())
                .split(split.split().splitter().toString(), Fingerprint.of(split.set("test")));
        if (runId != null) {
            lineage.fromRun(tracking.require(runId));
        }
        return registry.register(AUTHOR, Registration.builder(MODEL)
                .predictor(format, training.model(spec).model())
                .description(spec + ", trained on " + split.split().size("train") + " applications")
                .provenance(Map.of(EXPERIMENT, spec, "seed", Long.toString(split.split().seed().orElse(-1))))
                .lineage(lineage.build())
                .metrics(training.model(spec).metrics())
                .gateReport(report)
                .build());
    }

    private static String interval(RuleResult result) {
        BootstrapInterval interval = result.interval();
        return interval == null ? "" : String.format(Locale.ROOT, " (%.0f%% CI %+.3f to %+.3f)", interval.level() * 100,
                interval.lower(), interval.upper());
    }

    private static String verdict(GateReport report) {
        return report.passed() ? "passed" : "FAILED (" + report.failures().size() + " findings)";
    }

    /**
     * Writes a gate report as {@code gate-CANDIDATE-vs-REFERENCE.json}, the names reduced to
     * letters, digits, dots and dashes, so a rerun overwrites the report of the same comparison.
     */
    private static Path save(GateReport report, Path directory, String reference) {
        String name = "gate-" + fileName(report.candidate()) + "-vs-" + fileName(reference) + ".json";
        Path file = directory.resolve(name);
        try {
            Files.writeString(file, report.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static String fileName(String text) {
        return text.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-|-$", "");
    }
}
