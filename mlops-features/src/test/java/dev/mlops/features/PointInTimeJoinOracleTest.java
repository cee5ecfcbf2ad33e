package dev.mlops.features;

import dev.mlops.store.EpochMicros;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.leakage.Example;
import dev.mlops.data.leakage.Finding;
import dev.mlops.data.leakage.LeakageReport;
import dev.mlops.data.leakage.SetRow;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The join and the history's reads against a brute-force oracle that scans every record, over
 * random histories (several batches, ties on event time within and across batches, write times
 * out of batch order, a feature added by a later version) and random rows.
 */
class PointInTimeJoinOracleTest {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final Feature X = Feature.of("x", ColumnType.NUMERIC);
    static final Feature Y = Feature.of("y", ColumnType.NUMERIC).asSensitive();

    /** One record as the oracle keeps it. */
    record Rec(String entity, long event, long write, int sequence, double x, @Nullable Double y) {
    }

    static Stream<Arguments> sweep() {
        List<Arguments> cases = new ArrayList<>();
        int[][] sizes = {{1, 1, 2}, {3, 5, 4}, {10, 40, 30}, {50, 400, 300}, {200, 3000, 1000}};
        for (int[] size : sizes) {
            for (long seed = 1; seed <= 4; seed++) {
                cases.add(Arguments.of(seed * 7919 + size[1], size[0], size[1], size[2]));
            }
        }
        return cases.stream();
    }

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static long micros(long minutes) {
        return GroupHistory.micros(at(minutes));
    }

    @ParameterizedTest(name = "seed {0}: {1} entities, {2} records, {3} rows")
    @MethodSource("sweep")
    void theJoinAgreesWithTheOracle(long seed, int entities, int records, int rowCount) {
        Random random = new Random(seed);
        FeatureGroup v1 = FeatureGroup.builder("g").entityKey("id").eventTime("t").feature(X).build();
        boolean ttl = random.nextBoolean();
        FeatureGroup latest = (ttl ? v1.toBuilder().ttl(Duration.ofMinutes(60)) : v1.toBuilder()).feature(Y).build();
        List<Rec> recs = new ArrayList<>();
        List<RecordBatch> batches = new ArrayList<>();
        int batchCount = 1 + random.nextInt(6);
        int sequence = 0;
        for (int b = 0; b < batchCount; b++) {
            int size = records / batchCount + (b == 0 ? records % batchCount : 0);
            long write = 100 + random.nextInt(200);
            boolean withY = b >= batchCount / 2;
            String[] keys = new String[size];
            Instant[] events = new Instant[size];
            double[] xs = new double[size];
            NumericColumn.Builder ys = NumericColumn.builder("y");
            for (int i = 0; i < size; i++) {
                keys[i] = "e" + random.nextInt(entities);
                long event = random.nextInt(300);
                events[i] = at(event);
                xs[i] = random.nextInt(1000);
                Double y = null;
                if (withY && random.nextInt(5) > 0) {
                    y = (double) random.nextInt(1000);
                    ys.add(y);
                } else {
                    ys.addMissing();
                }
                recs.add(new Rec(keys[i], micros(event), micros(write), sequence++, xs[i], y));
            }
            List<Column> columns = new ArrayList<>(List.of(CategoricalColumn.of("id", keys),
                    TimestampColumn.of("t", events), NumericColumn.of("x", xs)));
            if (withY) {
                columns.add(ys.build());
            }
            batches.add(new RecordBatch(b + 1L, at(write), Table.of(columns)));
        }
        GroupHistory history = new GroupHistory(v1);
        int split = random.nextInt(batches.size() + 1);
        history.appendAll(batches.subList(0, split));
        for (RecordBatch batch : batches.subList(split, batches.size())) {
            history.append(batch);
        }

        String[] rowKeys = new String[rowCount];
        Instant[] times = new Instant[rowCount];
        for (int r = 0; r < rowCount; r++) {
            int pick = random.nextInt(entities + 2);
            rowKeys[r] = pick == entities + 1 ? null : "e" + pick;
            times[r] = random.nextInt(20) == 0 ? null : at(random.nextInt(420) - 20);
        }
        Table rows = Table.of(CategoricalColumn.of("id", rowKeys), TimestampColumn.of("p", times));
        JoinRequest.Builder builder = JoinRequest.builder(rows, "p").features(FeatureSelection.all("g"));
        int knowledge = random.nextInt(3);
        if (knowledge == 1) {
            builder.knownAt(at(100 + random.nextInt(220)));
        } else if (knowledge == 2 && random.nextBoolean()) {
            builder.knownAtPredictionTime(at(100 + random.nextInt(220)));
        } else if (knowledge == 2) {
            builder.knownAtPredictionTime();
        }
        JoinRequest request = builder.build();
        JoinResult joined = PointInTimeJoin.join(request,
                List.of(new PointInTimeJoin.Source(latest, List.of(X, Y), history)));

        long ttlMicros = ttl ? 60 * 60_000_000L : Long.MAX_VALUE;
        long maxWrite = recs.stream().mapToLong(Rec::write).max().orElseThrow();
        long bound = request.knownAt().map(GroupHistory::micros).orElse(maxWrite);
        NumericColumn x = joined.table().numericColumn("x");
        NumericColumn y = joined.table().numericColumn("y");
        TimestampColumn knownAt = joined.withKnownAt().timestampColumn("g.known_at");
        long earliest = Long.MAX_VALUE;
        Set<Integer> leaking = new TreeSet<>();
        for (int r = 0; r < rowCount; r++) {
            Rec expected = null;
            if (rowKeys[r] != null && times[r] != null) {
                long p = GroupHistory.micros(times[r]);
                long w = request.knowledge() == JoinRequest.Knowledge.PREDICTION_TIME ? Math.min(p, bound) : bound;
                for (Rec rec : recs) {
                    if (rec.entity().equals(rowKeys[r]) && rec.event() <= p && rec.write() <= w
                            && (expected == null || rec.event() > expected.event()
                                    || rec.event() == expected.event() && (rec.write() > expected.write()
                                            || rec.write() == expected.write() && rec.sequence() > expected.sequence()))) {
                        expected = rec;
                    }
                }
                if (expected != null && p - expected.event() > ttlMicros) {
                    expected = null;
                }
            }
            String where = "row " + r + " (" + rowKeys[r] + " at " + times[r] + ")";
            if (expected == null) {
                assertThat(x.isMissing(r)).as(where).isTrue();
                assertThat(y.isMissing(r)).as(where).isTrue();
                assertThat(knownAt.isMissing(r)).as(where).isTrue();
            } else {
                earliest = Math.min(earliest, expected.event());
                assertThat(x.get(r)).as(where).isEqualTo(expected.x());
                assertThat(y.isMissing(r)).as(where).isEqualTo(expected.y() == null);
                if (expected.y() != null) {
                    assertThat(y.get(r)).as(where).isEqualTo(expected.y());
                }
                assertThat(GroupHistory.micros(knownAt.get(r))).as(where).isEqualTo(expected.write());
                if (expected.write() > GroupHistory.micros(times[r])) {
                    leaking.add(r);
                }
            }
        }
        assertThat(joined.table().rowCount()).isEqualTo(rowCount);
        assertThat(joined.table().column("id")).isSameAs(rows.column("id"));
        if (earliest == Long.MAX_VALUE) {
            assertThat(joined.lineage().get(0).from()).isEmpty();
        } else {
            assertThat(joined.lineage().get(0).from()).contains(EpochMicros.instant(earliest));
        }
        if (request.knowledge() == JoinRequest.Knowledge.PREDICTION_TIME) {
            assertThat(leaking).isEmpty();
        }

        Split splitRows = Splitters.random(SplitSets.trainTest(0.5, 0.5), seed).split(joined.withKnownAt());
        LeakageReport report = joined.leakageCheck().sampleSize(rowCount + 1).build().run(joined.withKnownAt(),
                splitRows);
        assertThat(report.findings()).filteredOn(finding -> finding.check().equals("feature-availability"))
                .extracting(Finding::measured).containsExactly((double) leaking.size(),
                        (double) leaking.stream().filter(row -> !y.isMissing(row)).count());
        for (Finding finding : report.findings()) {
            if (finding.check().equals("feature-availability")) {
                Set<Integer> flagged = finding.examples().stream().map(Example::rows).flatMap(List::stream)
                        .map(SetRow::row).collect(Collectors.toCollection(TreeSet::new));
                Set<Integer> expectedRows = new TreeSet<>(leaking);
                if (finding.message().startsWith("feature 'y'")) {
                    expectedRows.removeIf(row -> y.isMissing(row));
                }
                assertThat(flagged).as(finding.message()).isEqualTo(expectedRows);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}: {1} entities, {2} records")
    @MethodSource("sweep")
    void theHistorysReadsAgreeWithTheOracle(long seed, int entities, int records, int ignored) {
        Random random = new Random(seed);
        FeatureGroup group = FeatureGroup.builder("g").entityKey("id").eventTime("t").feature(X)
                .ttl(Duration.ofMinutes(30 + random.nextInt(100))).build();
        List<Rec> recs = new ArrayList<>();
        GroupHistory history = new GroupHistory(group);
        int sequence = 0;
        for (int b = 1; sequence < records; b++) {
            int size = Math.min(records - sequence, 1 + random.nextInt(Math.max(1, records / 3)));
            long write = 100 + random.nextInt(200);
            String[] keys = new String[size];
            Instant[] events = new Instant[size];
            double[] xs = new double[size];
            for (int i = 0; i < size; i++) {
                keys[i] = "e" + random.nextInt(entities);
                long event = random.nextInt(300);
                events[i] = at(event);
                xs[i] = random.nextInt(1000);
                recs.add(new Rec(keys[i], micros(event), micros(write), sequence++, xs[i], null));
            }
            history.append(new RecordBatch(b, at(write), Table.of(CategoricalColumn.of("id", keys),
                    TimestampColumn.of("t", events), NumericColumn.of("x", xs))));
        }
        long ttl = GroupHistory.ttlMicros(group);
        long asOfEvent = random.nextInt(320);
        long asOfWrite = 100 + random.nextInt(220);
        Table asOf = history.asOf(group, List.of(X), at(asOfEvent), at(asOfWrite));
        Table online = history.online(group, List.of(X), List.of("e0", "e1", "nobody"), at(310));
        Table export = history.export(group, List.of(X), at(50), at(250));
        List<String> expectedEntities = new ArrayList<>();
        List<Double> expectedValues = new ArrayList<>();
        for (String entity : recs.stream().map(Rec::entity).collect(Collectors.toCollection(TreeSet::new))) {
            Rec best = latest(recs, entity, micros(asOfEvent), micros(asOfWrite));
            if (best != null) {
                expectedEntities.add(entity);
                expectedValues.add(micros(asOfEvent) - best.event() > ttl ? null : best.x());
            }
        }
        assertThat(format(asOf, "id")).isEqualTo(expectedEntities);
        assertThat(values(asOf)).isEqualTo(expectedValues);
        List<Double> expectedOnline = new ArrayList<>();
        for (String entity : List.of("e0", "e1", "nobody")) {
            Rec best = latest(recs, entity, Long.MAX_VALUE, Long.MAX_VALUE);
            expectedOnline.add(best == null || micros(310) - best.event() > ttl ? null : best.x());
        }
        assertThat(values(online)).isEqualTo(expectedOnline);
        List<Rec> window = recs.stream().filter(rec -> rec.event() >= micros(50) && rec.event() < micros(250))
                .sorted((a, b) -> a.event() != b.event() ? Long.compare(a.event(), b.event())
                        : a.write() != b.write() ? Long.compare(a.write(), b.write())
                        : Integer.compare(a.sequence(), b.sequence()))
                .toList();
        assertThat(values(export)).isEqualTo(window.stream().map(rec -> (Double) rec.x()).toList());
        assertThat(format(export, "id")).isEqualTo(window.stream().map(Rec::entity).toList());
        assertThat(history.size()).isEqualTo(records);
    }

    static @Nullable Rec latest(List<Rec> recs, String entity, long event, long write) {
        Rec best = null;
        for (Rec rec : recs) {
            if (rec.entity().equals(entity) && rec.event() <= event && rec.write() <= write
                    && (best == null || rec.event() > best.event() || rec.event() == best.event()
                            && (rec.write() > best.write() || rec.write() == best.write()
                                    && rec.sequence() > best.sequence()))) {
                best = rec;
            }
        }
        return best;
    }

    static List<String> format(Table table, String column) {
        List<String> out = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            out.add(table.column(column).format(row));
        }
        return out;
    }

    static List<@Nullable Double> values(Table table) {
        List<@Nullable Double> out = new ArrayList<>();
        NumericColumn x = table.numericColumn("x");
        for (int row = 0; row < table.rowCount(); row++) {
            out.add(x.isMissing(row) ? null : x.get(row));
        }
        return out;
    }
}
