package dev.mlops.examples.lifecycle;

import dev.mlops.core.Seed;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Table;
import dev.mlops.data.leakage.Finding;
import dev.mlops.data.leakage.LeakageCheck;
import dev.mlops.data.leakage.LeakageReport;
import dev.mlops.data.slice.Slice;
import dev.mlops.data.slice.SliceReport;
import dev.mlops.data.slice.SliceSizeRule;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Step 3 of the walk: a recent set, then the guide's stratified 70/15/15 split of the rest.
 *
 * <p><b>The recent set first.</b> The newest {@value #RECENT_ROWS} applications by date are taken
 * out before splitting, and the older ones are split with {@link Splitters#stratified} by
 * {@link SizePolicy#guide()} (70/15/15 below a million rows), stratified by the label. A recent set
 * is meant to say how a model does on applications newer than any it learnt from; a stratified
 * split of all rows would spread every month over training, validation and test, so the newest
 * applications would no longer be unseen in time. ({@code Splitters.temporal} with a
 * {@link dev.mlops.data.split.NewestSet} keeps time order, but it orders every set by time and does
 * not stratify, which the guide's split asks for.) So on 1,000 applications the sets are 630, 135
 * and 135, and 100 recent.
 *
 * <p><b>What each set is for.</b> The training rows train; the validation rows rank the
 * experiments (step 4), so they have taken part in a choice; the test rows and the recent set are
 * read by the gates (step 5) and by nothing that chose a model, and together they are the
 * held-out rows the simulated request streams of operations are drawn from.
 *
 * <p>The slices are {@code foreign_worker} and {@code personal_status}, one slice per level. The
 * {@linkplain #leakage leakage check} compares all four sets on the feature columns (the synthetic
 * date left out, since two applications with the same answers are the same row whatever their
 * dates) and tests whether the label's shares differ between the sets.
 */
final class HeldOutSplit {
    /** How many of the newest applications form the recent set. */
    static final int RECENT_ROWS = 100;
    /** The name the gate and the report give the recent set. */
    static final String RECENT = "recent";
    /** The split's file name in the output directory. */
    static final String SPLIT_FILE = "split.json";
    /** The columns whose levels are the slices. */
    static final List<String> SLICE_COLUMNS = List.of("foreign_worker", "personal_status");

    private HeldOutSplit() {
    }

    /**
     * Takes the recent set out, splits the rest, checks the sets for leakage and saves the split.
     *
     * @param applications the applications with their dates
     * @param seed the walk's seed; the splitter's is its value
     * @param directory the output directory
     * @param console where the findings go
     * @return the sets, the slices and the leakage report
     */
    static SplitOutcome run(Table applications, Seed seed, Path directory, Console console) {
        int[] order = CreditApplications.oldestFirst(applications);
        int olderRows = order.length - RECENT_ROWS;
        int[] olderOnes = Arrays.copyOfRange(order, 0, olderRows);
        Arrays.sort(olderOnes);
        Table older = applications.rows(olderOnes);
        Table recent = applications.rows(Arrays.copyOfRange(order, olderRows, order.length));
        Split split = Splitters.stratified(SizePolicy.guide(), CreditApplications.LABEL, seed.value()).split(older);
        Path file = directory.resolve(SPLIT_FILE);
        split.save(file);
        List<Slice> slices = slices(applications);

        Map<String, Table> sets = new LinkedHashMap<>();
        for (String name : split.setNames()) {
            sets.put(name, split.set(older, name));
        }
        sets.put(RECENT, recent);
        LeakageReport leakage = leakage(sets);
        SliceReport sliceSizes = SliceReport.of(sets, slices, SliceSizeRule.defaults());

        Instant recentFrom = recent.timestampColumn(CreditApplications.DATE).get(0);
        int[] test = split.rows("test");
        int[] heldOutRows = new int[test.length + RECENT_ROWS];
        for (int i = 0; i < test.length; i++) {
            heldOutRows[i] = olderOnes[test[i]];
        }
        System.arraycopy(order, olderRows, heldOutRows, test.length, RECENT_ROWS);
        Table heldOut = applications.rows(heldOutRows);
        console.detail("recent set: the newest %d applications (from %s, synthetic dates); the older %d split %s",
                recent.rowCount(), recentFrom.toString().substring(0, 10), older.rowCount(), sizes(split));
        console.detail("train trains, validation ranks the experiments; test + recent (%d rows) are for the gates only",
                heldOut.rowCount());
        console.detail("%d slices (%s), %d slice-set pairs below %d rows; leakage check over the 4 sets: %s (%d findings)", slices.size(),
                String.join(", ", SLICE_COLUMNS), sliceSizes.tooSmall().size(), SliceSizeRule.defaults().minRows(),
                leakage.passed() ? "passed" : "FAILED", leakage.findings().size());
        for (Finding finding : leakage.findings()) {
            if (finding.severity() != Severity.INFO) {
                console.detail("  %s: %s", finding.severity().name().toLowerCase(Locale.ROOT), finding.message());
            }
        }
        return new SplitOutcome(older, split, recent, recentFrom, heldOut, slices, leakage, file);
    }

    /**
     * The leakage check of the walk: rows equal on every feature column (the synthetic date left
     * out) in more than one set, and label shares that differ between the sets.
     *
     * @param sets the sets by name, each with the label and the date column
     * @return the report; it fails when any two sets share a row
     * @throws IllegalArgumentException if there is no set
     */
    static LeakageReport leakage(Map<String, Table> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("the leakage check needs at least one set, but none was given");
        }
        List<String> features = new ArrayList<>(sets.values().iterator().next().schema().names());
        features.remove(CreditApplications.DATE);
        return LeakageCheck.builder().duplicateColumns(features).labelColumn(CreditApplications.LABEL).build().run(sets);
    }

    private static String sizes(Split split) {
        List<String> parts = new ArrayList<>();
        for (String name : split.setNames()) {
            parts.add(name + " " + split.size(name));
        }
        return String.join(" / ", parts);
    }

    private static List<Slice> slices(Table applications) {
        List<Slice> slices = new ArrayList<>();
        for (String column : SLICE_COLUMNS) {
            List<String> levels = new ArrayList<>(applications.categoricalColumn(column).levels());
            levels.sort(null);
            for (String level : levels) {
                slices.add(Slice.of(column + "=" + level, column + " == \"" + level + "\""));
            }
        }
        return List.copyOf(slices);
    }
}
