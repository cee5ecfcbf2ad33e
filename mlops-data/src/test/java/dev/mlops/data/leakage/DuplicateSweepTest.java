package dev.mlops.data.leakage;

import dev.mlops.core.report.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plants k copies of rows in another set, and more copies within a row's own set, in a random
 * table of distinct rows, and asserts that exactly the k planted pairs are found.
 */
class DuplicateSweepTest {
    private static final long MASTER_SEED = 0x1eac_a9e5L;

    static Stream<Arguments> cases() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int rows = 10 + master.nextInt(300);
            int sets = 2 + master.nextInt(3);
            int across = master.nextInt(Math.min(20, rows / 3) + 1);
            int within = master.nextInt(Math.min(10, rows / 3) + 1);
            cases.add(Arguments.of(master.nextLong(), rows, sets, across, within));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, {2} sets, {3} across, {4} within")
    @MethodSource("cases")
    void exactlyThePlantedDuplicatesAcrossSetsAreFound(long seed, int rows, int sets, int across, int within) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] levels = {"München", "São Paulo", "Hamburg"};
        int total = rows + across + within;
        double[] x = new double[total];
        String[] city = new String[total];
        String[] note = new String[total];
        int[] setOf = new int[total];
        Set<String> seen = new HashSet<>();
        for (int row = 0; row < rows; row++) {
            do {
                x[row] = random.nextInt(50) + (random.nextBoolean() ? Double.NaN : 0.25 * random.nextInt(4));
                city[row] = levels[random.nextInt(levels.length)];
                note[row] = random.nextInt(5) == 0 ? null : "n" + random.nextInt(40);
            } while (!seen.add(x[row] + "|" + city[row] + "|" + note[row]));
            setOf[row] = random.nextInt(sets);
        }
        int[] originals = random.ints(0, rows).distinct().limit(across + within).toArray();
        List<List<Integer>> expected = new ArrayList<>();
        for (int i = 0; i < across + within; i++) {
            int original = originals[i];
            int copy = rows + i;
            x[copy] = x[original];
            city[copy] = city[original];
            note[copy] = note[original];
            if (i < across) {
                setOf[copy] = (setOf[original] + 1 + random.nextInt(sets - 1)) % sets;
                expected.add(List.of(original, copy));
            } else {
                setOf[copy] = setOf[original];
            }
        }
        Table table = Table.builder().numeric("x", x).categorical("city", city).text("note", note).build();
        Map<String, int[]> split = new LinkedHashMap<>();
        for (int s = 0; s < sets; s++) {
            final int set = s;
            split.put("set" + s, java.util.stream.IntStream.range(0, total).filter(row -> setOf[row] == set).toArray());
        }
        Split made = TestSplits.of(table, split);

        Finding finding = LeakageCheck.exactDuplicates().run(table, made).findings().get(0);

        String where = "seed " + seed + ", " + rows + " rows, " + sets + " sets";
        assertThat(finding.measured()).as(where).isEqualTo(2.0 * across);
        assertThat(finding.severity()).as(where).isEqualTo(across == 0 ? Severity.INFO : Severity.ERROR);
        List<List<Integer>> found = finding.examples().stream()
                .map(example -> example.rows().stream().map(SetRow::row).toList()).toList();
        assertThat(found).as(where).containsExactlyInAnyOrderElementsOf(expected);
        for (Example example : finding.examples()) {
            assertThat(example.rows()).as(where).allSatisfy(
                    row -> assertThat(row.set()).isEqualTo("set" + setOf[row.row()]));
        }
    }
}
