package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.MlopsException;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatasetProfileTest {
    private static final long MASTER_SEED = 20_261_125L;

    /** A random table of every column type, with missing values, NaN and infinities. */
    static Table randomTable(SplittableRandom random, int rows, int levels) {
        NumericColumn.Builder numeric = NumericColumn.builder("amount");
        CategoricalColumn.Builder categorical = CategoricalColumn.builder("city");
        TextColumn.Builder text = TextColumn.builder("note");
        BooleanColumn.Builder bool = BooleanColumn.builder("flag");
        TimestampColumn.Builder time = TimestampColumn.builder("at");
        double offset = random.nextDouble(-1e4, 1e4);
        double scale = Math.pow(10, random.nextInt(-2, 5));
        for (int i = 0; i < rows; i++) {
            int kind = random.nextInt(100);
            if (kind < 5) {
                numeric.addMissing();
            } else if (kind < 7) {
                numeric.add(Double.NaN);
            } else if (kind < 8) {
                numeric.add(random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            } else if (kind < 10) {
                numeric.add(0.0);
            } else {
                numeric.add(offset + scale * random.nextGaussian());
            }
            if (random.nextInt(20) == 0) {
                categorical.addMissing();
                text.addMissing();
                bool.addMissing();
                time.addMissing();
            } else {
                // skewed: low codes are frequent
                int level = (int) Math.floor(levels * Math.pow(random.nextDouble(), 3));
                categorical.add("level-" + level);
                text.add(random.nextInt(4) == 0 ? "São Paulo" : "t" + random.nextInt(levels * 3));
                bool.add(random.nextInt(3) == 0);
                time.add(Instant.ofEpochSecond(1_700_000_000L + random.nextLong(1_000_000L), random.nextInt(1_000_000_000)));
            }
        }
        return Table.of(numeric.build(), categorical.build(), text.build(), bool.build(), time.build());
    }

    @Test
    void anEmptyTableYieldsZeroCounts() {
        Table empty = Table.empty(Schema.of(Field.of("x", ColumnType.NUMERIC), Field.of("c", ColumnType.CATEGORICAL),
                Field.of("b", ColumnType.BOOLEAN), Field.of("t", ColumnType.TIMESTAMP), Field.of("s", ColumnType.TEXT)));
        DatasetProfile profile = DatasetProfile.of(empty);
        assertThat(profile.rowCount()).isZero();
        assertThat(profile.fingerprints()).containsExactly(Fingerprint.of(empty));
        assertThat(profile.columns()).extracting(ColumnProfile::count).containsOnly(0L);
        assertThat(profile.columns()).extracting(ColumnProfile::missing).containsOnly(0L);
        NumericProfile x = (NumericProfile) profile.column("x");
        assertThat(x.mean()).isEmpty();
        assertThat(x.sum()).isZero();
        assertThat(x.quantiles()).isEmpty();
        assertThat(((CategoricalProfile) profile.column("c")).distinct()).isZero();
        assertThat(((CategoricalProfile) profile.column("c")).topK()).isEmpty();
        assertThat(((TimestampProfile) profile.column("t")).earliest()).isEmpty();
        assertThat(DatasetProfile.fromJson(profile.toJson()).toJson()).isEqualTo(profile.toJson());
        assertThat(DatasetProfile.of(Table.of()).columns()).isEmpty();
    }

    @Test
    void timestampsGetTheirEarliestAndLatestInstant() {
        Instant a = Instant.parse("2024-03-01T12:00:00.5Z");
        Instant b = Instant.parse("2024-03-01T12:00:00.25Z");
        Instant c = Instant.parse("2023-12-31T23:59:59Z");
        TimestampProfile p = (TimestampProfile) DatasetProfile.of(Table.builder().timestamp("at", a, null, b, c).build())
                .columns().get(0);
        assertThat(p.missing()).isEqualTo(1);
        assertThat(p.earliest()).contains(c);
        assertThat(p.latest()).contains(a);
    }

    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        Stream<Arguments> drawn = IntStream.range(0, 40).mapToObj(i -> {
            long seed = master.nextLong();
            int rows = master.nextInt(0, 3000);
            int levels = master.nextInt(1, 400);
            boolean small = master.nextBoolean();
            return Arguments.of(seed, rows, levels, small);
        });
        // and cases that surely reach the sketches (checked in the test)
        Stream<Arguments> sketched = Stream.of(Arguments.of(master.nextLong(), 3000, 300, true),
                Arguments.of(master.nextLong(), 2500, 200, true));
        return Stream.concat(drawn, sketched);
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, {2} levels, small limits {3}")
    @MethodSource("sweep")
    void mergeOfTwoPartitionsEqualsTheProfileOfTheWhole(long seed, int rows, int levels, boolean smallLimits) {
        SplittableRandom random = new SplittableRandom(seed);
        Table whole = randomTable(random, rows, levels);
        int cut = rows == 0 ? 0 : random.nextInt(rows + 1);
        Table first = whole.rows(IntStream.range(0, cut).toArray());
        Table second = whole.rows(IntStream.range(cut, rows).toArray());
        ProfileOptions options = smallLimits
                ? ProfileOptions.defaults().withExactQuantileLimit(600).withExactDistinctLimit(40).withKllK(100)
                : ProfileOptions.defaults();
        String context = "seed " + seed + ", " + rows + " rows, cut at " + cut;
        DatasetProfile expected = DatasetProfile.of(whole, options);
        DatasetProfile direct = DatasetProfile.of(first, options).merge(DatasetProfile.of(second, options));
        // merging stored profiles works as well as merging fresh ones
        DatasetProfile stored = DatasetProfile.fromJson(DatasetProfile.of(first, options).toJson())
                .merge(DatasetProfile.fromJson(DatasetProfile.of(second, options).toJson()));
        if (smallLimits && rows >= 2000) {
            assertThat(((NumericProfile) expected.column("amount")).quantileMethod()).isEqualTo(Method.SKETCH);
            assertThat(((CategoricalProfile) expected.column("city")).distinctMethod()).isEqualTo(Method.SKETCH);
            assertThat(((CategoricalProfile) expected.column("note")).distinctMethod()).isEqualTo(Method.SKETCH);
        }
        double[] values = whole.numericColumn("amount").toArray();
        for (DatasetProfile merged : List.of(direct, stored)) {
            assertThat(merged.rowCount()).as(context).isEqualTo(rows);
            assertThat(merged.fingerprints()).as(context)
                    .containsExactly(Fingerprint.of(first), Fingerprint.of(second));
            ProfileAssertions.assertNumericMerged((NumericProfile) expected.column("amount"), (NumericProfile) merged.column("amount"),
                    values, context);
            for (String name : List.of("city", "note", "flag")) {
                ProfileAssertions.assertCategoricalMerged((CategoricalProfile) expected.column(name),
                        (CategoricalProfile) merged.column(name), whole, name, context);
            }
            assertThat(merged.column("at")).as(context).isEqualTo(expected.column("at"));
        }
    }

    @Test
    void mergeOrderDoesNotChangeTheExactStatistics() {
        Table whole = randomTable(new SplittableRandom(31), 1500, 60);
        DatasetProfile a = DatasetProfile.of(whole.rows(IntStream.range(0, 400).toArray()));
        DatasetProfile b = DatasetProfile.of(whole.rows(IntStream.range(400, 900).toArray()));
        DatasetProfile c = DatasetProfile.of(whole.rows(IntStream.range(900, 1500).toArray()));
        DatasetProfile left = a.merge(b).merge(c);
        DatasetProfile right = c.merge(b.merge(a));
        DatasetProfile all = DatasetProfile.of(whole);
        for (DatasetProfile merged : List.of(left, right)) {
            NumericProfile x = (NumericProfile) merged.column("amount");
            NumericProfile expected = (NumericProfile) all.column("amount");
            assertThat(x.finite()).isEqualTo(expected.finite());
            assertThat(x.quantiles()).isEqualTo(expected.quantiles());
            ProfileAssertions.assertRelative(x.variance().getAsDouble(), expected.variance().getAsDouble(), "variance");
            assertThat(merged.column("city").toString()).isEqualTo(all.column("city").toString());
            assertThat(((CategoricalProfile) merged.column("city")).topK())
                    .isEqualTo(((CategoricalProfile) all.column("city")).topK());
        }
        assertThat(right.fingerprints()).hasSize(3);
    }

    @Test
    void withFingerprintsStatesOtherFingerprintsAndKeepsEveryStatistic() {
        Table whole = randomTable(new SplittableRandom(37), 600, 20);
        Table marked = Table.of(whole.columns().stream().map(c -> c.name().equals("city") ? c.withSensitive(true) : c)
                .toList());
        DatasetProfile merged = DatasetProfile.of(marked.rows(IntStream.range(0, 200).toArray()))
                .merge(DatasetProfile.of(marked.rows(IntStream.range(200, 600).toArray())));
        Fingerprint stated = Fingerprint.of(whole);

        DatasetProfile one = merged.withFingerprints(List.of(stated));
        DatasetProfile none = merged.withFingerprints(List.of());

        assertThat(merged.fingerprints()).hasSize(2);
        assertThat(one.fingerprints()).containsExactly(stated);
        assertThat(none.fingerprints()).isEmpty();
        assertThat(DatasetProfile.fromJson(none.toJson()).fingerprints()).isEmpty();
        // everything else is unchanged: stating the old fingerprints again gives the same document
        assertThat(one.withFingerprints(merged.fingerprints()).toJson()).isEqualTo(merged.toJson());
        assertThat(none.columns()).isEqualTo(merged.columns());
        assertThat(one.sensitiveColumns()).containsExactly("city");
        assertThat(one.createdAt()).isEqualTo(merged.createdAt());
        assertThat(one.options()).isEqualTo(merged.options());
        assertThatThrownBy(() -> merged.withFingerprints(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("fingerprints");
    }

    @Test
    void jsonRoundTripGivesTheSameProfile() {
        for (boolean small : List.of(false, true)) {
            Table table = randomTable(new SplittableRandom(7), 2500, 300);
            ProfileOptions options = small ? ProfileOptions.defaults().withExactQuantileLimit(100).withExactDistinctLimit(20)
                    : ProfileOptions.defaults();
            DatasetProfile profile = DatasetProfile.of(table, options);
            String json = profile.toJson();
            DatasetProfile back = DatasetProfile.fromJson(json);
            assertThat(back.toJson()).isEqualTo(json);
            assertThat(back.options()).isEqualTo(options);
            assertThat(back.fingerprints()).isEqualTo(profile.fingerprints());
            NumericProfile a = (NumericProfile) profile.column("amount");
            NumericProfile b = (NumericProfile) back.column("amount");
            assertThat(b.quantiles()).isEqualTo(a.quantiles());
            assertThat(b.mean()).isEqualTo(a.mean());
            assertThat(b.sum()).isEqualTo(a.sum());
            assertThat(json).contains("\"formatVersion\": 2", "\"kind\": \"dataset-profile\"");
        }
    }

    @Test
    void badJsonFailsClearly() {
        assertThatThrownBy(() -> DatasetProfile.fromJson("{\"kind\":\"dataset-profile\",\"formatVersion\":99}"))
                .isInstanceOf(DocumentException.class)
                .hasMessage("dataset profile: format version 99 of 'dataset-profile' is not supported; this version of"
                        + " mlops-java reads versions 1 to 2");
        assertThatThrownBy(() -> DatasetProfile.fromJson("{\n  \"kind\": x\n}", "p.json"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("p.json")
                .hasMessageContaining("line 2").hasMessageContaining("not valid JSON at character 11");
        String sketched = DatasetProfile.of(randomTable(new SplittableRandom(1), 500, 100),
                ProfileOptions.defaults().withExactQuantileLimit(10).withExactDistinctLimit(5)).toJson();
        String corrupt = sketched.replaceFirst("\"kll\": \"[^\"]*\"", "\"kll\": \"AAAA\"");
        assertThat(corrupt).isNotEqualTo(sketched);
        assertThatThrownBy(() -> DatasetProfile.fromJson(corrupt, "p.json"))
                .isInstanceOf(DocumentException.class).hasMessageStartingWith("p.json: columns[")
                .hasMessageContaining("not a valid profile of column");
        String inconsistent = sketched.replaceFirst("\"missing\": \\d+", "\"missing\": 100000");
        assertThatThrownBy(() -> DatasetProfile.fromJson(inconsistent))
                .isInstanceOf(MlopsException.class).hasMessageContaining("not a valid profile");
    }

    @Test
    void parallelAndSequentialProfilesAreIdentical() throws Exception {
        Table table = randomTable(new SplittableRandom(99), 3000, 50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
            String parallel = DatasetProfile.of(table, ProfileOptions.defaults(), pool, clock).toJson();
            String sequential = DatasetProfile.of(table, ProfileOptions.defaults(), Runnable::run, clock).toJson();
            assertThat(parallel).isEqualTo(sequential);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anExecutorThatNeverRunsOrRejectsItsTasksLeavesTheWorkToTheCaller() {
        Table table = randomTable(new SplittableRandom(98), 500, 20);
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        String expected = DatasetProfile.of(table, ProfileOptions.defaults(), Runnable::run, clock).toJson();
        List<Runnable> parked = new ArrayList<>();
        assertThat(DatasetProfile.of(table, ProfileOptions.defaults(), parked::add, clock).toJson()).isEqualTo(expected);
        assertThat(parked).isNotEmpty();
        java.util.concurrent.Executor rejecting = task -> {
            throw new java.util.concurrent.RejectedExecutionException("full");
        };
        assertThat(DatasetProfile.of(table, ProfileOptions.defaults(), rejecting, clock).toJson()).isEqualTo(expected);
    }

    @Test
    void aWideTableProfilesWithoutError() {
        SplittableRandom random = new SplittableRandom(500);
        List<NumericColumn> columns = new ArrayList<>();
        for (int c = 0; c < 500; c++) {
            double[] values = new double[2000];
            for (int r = 0; r < values.length; r++) {
                values[r] = random.nextGaussian();
            }
            columns.add(NumericColumn.of("c" + c, values));
        }
        DatasetProfile profile = DatasetProfile.of(Table.of(columns));
        assertThat(profile.columns()).hasSize(500);
        assertThat(profile.columns()).extracting(ColumnProfile::count).containsOnly(2000L);
        assertThat(profile.column("c499").name()).isEqualTo("c499");
    }

    @Nested
    class MergeErrors {
        @Test
        void differingColumnsAreNamed() {
            DatasetProfile a = DatasetProfile.of(Table.builder().numeric("x", 1).numeric("y", 2).build());
            DatasetProfile b = DatasetProfile.of(Table.builder().numeric("x", 1).categorical("y", "a").build());
            DatasetProfile c = DatasetProfile.of(Table.builder().numeric("x", 1).build());
            assertThatThrownBy(() -> a.merge(b)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("column 2 is 'y' (NUMERIC)").hasMessageContaining("'y' (CATEGORICAL)");
            assertThatThrownBy(() -> a.merge(c)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("column 2 'y' is in this profile only");
        }

        @Test
        void differingOptionsAreRefused() {
            Table table = Table.builder().numeric("x", 1).build();
            DatasetProfile a = DatasetProfile.of(table);
            DatasetProfile b = DatasetProfile.of(table, ProfileOptions.defaults().withTopK(3));
            assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different options");
        }

        @Test
        void unknownColumnListsTheNames() {
            DatasetProfile a = DatasetProfile.of(Table.builder().numeric("x", 1).build());
            assertThatThrownBy(() -> a.column("z")).isInstanceOf(SchemaException.class).hasMessageContaining("x");
        }
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> ProfileOptions.defaults().withKllK(4)).hasMessageContaining("kllK");
        assertThatThrownBy(() -> ProfileOptions.defaults().withProbabilities(List.of(0.5, 0.2)))
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> ProfileOptions.defaults().withTopK(-1)).hasMessageContaining("topK");
    }
}
