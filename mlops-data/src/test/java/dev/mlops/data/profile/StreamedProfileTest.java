package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.Pieces;
import dev.mlops.data.io.PiecesFormat;
import dev.mlops.data.io.TableSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link DatasetProfile#of(TableSource, ProfileOptions, java.util.concurrent.Executor, Clock)}: pieces profiled and merged. */
class StreamedProfileTest {
    private static final long MASTER_SEED = 20_261_207L;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:15:30Z"), ZoneOffset.UTC);
    private static final ProfileOptions SMALL_LIMITS = ProfileOptions.defaults().withExactQuantileLimit(600)
            .withExactDistinctLimit(40).withKllK(100);

    /**
     * {@link DatasetProfileTest#randomTable} (every type, missing values, NaN, infinities, skewed
     * categories, timestamps) with a column of signed zeros and few distinct values, and its text
     * column marked sensitive.
     */
    static Table randomTable(SplittableRandom random, int rows, int levels) {
        Table table = DatasetProfileTest.randomTable(random, rows, levels);
        NumericColumn.Builder signed = NumericColumn.builder("signed");
        for (int row = 0; row < rows; row++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                signed.addMissing();
            } else if (kind < 4) {
                signed.add(-0.0);
            } else if (kind < 6) {
                signed.add(0.0);
            } else {
                signed.add(random.nextInt(-3, 4));
            }
        }
        List<Column> columns = new ArrayList<>(table.columns());
        columns.set(2, columns.get(2).withSensitive(true));
        columns.add(signed.build());
        return Table.of(columns);
    }

    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        Stream<Arguments> drawn = IntStream.range(0, 30).mapToObj(i -> Arguments.of(master.nextLong(),
                master.nextInt(0, 2500), master.nextInt(1, 300), master.nextBoolean(), master.nextInt(0, 7)));
        // cases that surely reach the sketches, cut in many pieces (checked in the test)
        Stream<Arguments> sketched = Stream.of(Arguments.of(master.nextLong(), 3000, 300, true, 12),
                Arguments.of(master.nextLong(), 2400, 200, true, 3));
        return Stream.concat(drawn, sketched);
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, {2} levels, small limits {3}, up to {4} cuts")
    @MethodSource("sweep")
    void theProfileOfThePiecesIsTheProfileOfTheWhole(long seed, int rows, int levels, boolean smallLimits,
            int maxCuts) {
        SplittableRandom random = new SplittableRandom(seed);
        Table whole = randomTable(random, rows, levels);
        List<Table> pieces = Pieces.cut(whole, random, maxCuts);
        ProfileOptions options = smallLimits ? SMALL_LIMITS : ProfileOptions.defaults();
        String context = "seed " + seed + ", " + rows + " rows in " + pieces.size() + " pieces";

        DatasetProfile expected = DatasetProfile.of(whole, options, ForkJoinPool.commonPool(), CLOCK);
        DatasetProfile streamed = DatasetProfile.of(Pieces.source(whole, pieces), options, ForkJoinPool.commonPool(),
                CLOCK);

        if (smallLimits && rows >= 2000) {
            assertThat(((NumericProfile) expected.column("amount")).quantileMethod()).isEqualTo(Method.SKETCH);
            assertThat(((CategoricalProfile) expected.column("city")).distinctMethod()).isEqualTo(Method.SKETCH);
        }
        assertThat(streamed.rowCount()).as(context).isEqualTo(rows);
        assertThat(streamed.fingerprints()).as(context).containsExactly(Fingerprint.of(whole));
        assertThat(streamed.createdAt()).as(context).contains(CLOCK.instant());
        assertThat(streamed.sensitiveColumns()).as(context).containsExactly("note");
        assertThat(streamed.options()).isEqualTo(options);
        for (String name : List.of("amount", "signed")) {
            ProfileAssertions.assertNumericMerged((NumericProfile) expected.column(name),
                    (NumericProfile) streamed.column(name), whole.numericColumn(name).toArray(), context + ", " + name);
        }
        // exact values keep their order and their signed zeros, as one pass sorts them
        NumericProfile signed = (NumericProfile) streamed.column("signed");
        NumericProfile signedWhole = (NumericProfile) expected.column("signed");
        assertThat(signed.exactValues().isPresent()).as(context).isEqualTo(signedWhole.exactValues().isPresent());
        if (signedWhole.exactValues().isPresent()) {
            assertThat(signed.exactValues().get()).as(context).isEqualTo(signedWhole.exactValues().get());
        }
        for (String name : List.of("city", "note", "flag")) {
            ProfileAssertions.assertCategoricalMerged((CategoricalProfile) expected.column(name),
                    (CategoricalProfile) streamed.column(name), whole, name, context);
        }
        assertThat(streamed.column("at")).as(context).isEqualTo(expected.column("at"));
    }

    @Test
    void aTableInOnePieceIsProfiledAsTheTableItself() {
        Table table = randomTable(new SplittableRandom(7), 800, 30);

        DatasetProfile streamed = DatasetProfile.of(Pieces.source(table, List.of(table)), ProfileOptions.defaults(),
                Runnable::run, CLOCK);

        assertThat(streamed.toJson())
                .isEqualTo(DatasetProfile.of(table, ProfileOptions.defaults(), Runnable::run, CLOCK).toJson());
    }

    @Test
    void noPieceIsTheProfileOfAnEmptyTable() {
        Table table = randomTable(new SplittableRandom(8), 10, 3);
        Table empty = Table.empty(table.schema());

        DatasetProfile streamed = DatasetProfile.of(Pieces.source(table, List.of()), ProfileOptions.defaults(),
                Runnable::run, CLOCK);

        assertThat(streamed.toJson())
                .isEqualTo(DatasetProfile.of(empty, ProfileOptions.defaults(), Runnable::run, CLOCK).toJson());
        assertThat(streamed.fingerprints()).containsExactly(Fingerprint.of(empty));
    }

    @Test
    void theExecutorAndTheCutDoNotChangeTheExactStatistics() {
        Table table = randomTable(new SplittableRandom(9), 1500, 40);
        DatasetProfile sequential = DatasetProfile.of(Pieces.source(table, Pieces.every(table, 100)),
                ProfileOptions.defaults(), Runnable::run, CLOCK);
        DatasetProfile parallel = DatasetProfile.of(Pieces.source(table, Pieces.every(table, 333)),
                ProfileOptions.defaults(), ForkJoinPool.commonPool(), CLOCK);

        for (String name : List.of("amount", "signed")) {
            NumericProfile a = (NumericProfile) sequential.column(name);
            NumericProfile b = (NumericProfile) parallel.column(name);
            assertThat(a.quantiles()).isEqualTo(b.quantiles());
            assertThat(a.exactValues().orElseThrow()).isEqualTo(b.exactValues().orElseThrow());
            assertThat(a.min()).isEqualTo(b.min());
            assertThat(a.distinct()).isEqualTo(b.distinct());
        }
        assertThat(((CategoricalProfile) sequential.column("city")).exactCounts())
                .isEqualTo(((CategoricalProfile) parallel.column("city")).exactCounts());
        assertThat(sequential.fingerprints()).isEqualTo(parallel.fingerprints());
    }

    @Test
    void aFileOfAFormatThatStreamsIsProfiledAsItsWholeTable(@TempDir Path dir) throws IOException {
        Table table = randomTable(new SplittableRandom(10), 400, 20);
        Path file = dir.resolve("random.csv");
        CsvFormat.defaults().write(table, file);
        Table read = CsvFormat.defaults().read(file);
        PiecesFormat format = new PiecesFormat(64);

        DatasetProfile streamed = DatasetProfile.of(TableSource.of(format, file), ProfileOptions.defaults(),
                Runnable::run, CLOCK);

        DatasetProfile whole = DatasetProfile.of(read, ProfileOptions.defaults(), Runnable::run, CLOCK);
        assertThat(streamed.fingerprints()).containsExactly(Fingerprint.of(read));
        for (String name : List.of("amount", "signed")) {
            ProfileAssertions.assertNumericMerged((NumericProfile) whole.column(name),
                    (NumericProfile) streamed.column(name), read.numericColumn(name).toArray(), name);
        }
        assertThat(streamed.column("city").toString()).isEqualTo(whole.column("city").toString());
        // the schema, the pass over the pieces, then each column alone for the fingerprint
        assertThat(format.readings()).hasSize(2 + read.columnCount());
        assertThat(format.readings().subList(2, format.readings().size()))
                .allSatisfy(columns -> assertThat(columns).hasSize(1));
    }

    @Test
    void aMalformedPieceFailsAsReadingTheFileWould(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DatasetProfile.of(TableSource.of(new PiecesFormat(1), file), ProfileOptions.defaults()))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("bad.csv line 3");
    }
}
