package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSourceTest {
    /** Ten rows, a missing value, non-ASCII text. */
    private static final String CITIES = """
            city,population,founded,coastal
            München,1.5,1158,false
            São Paulo,12.3,1554,false
            Hamburg,1.9,,true
            Lisboa,0.5,1147,true
            Kraków,0.8,,false
            Porto,0.2,1123,true
            Zürich,0.4,1218,false
            Göteborg,0.6,1621,true
            Málaga,0.6,,true
            Łódź,0.7,1423,false
            """;

    @TempDir
    Path dir;

    private Path cities() throws IOException {
        return Files.writeString(dir.resolve("cities.csv"), CITIES, StandardCharsets.UTF_8);
    }

    private static List<Table> all(TableChunks chunks) {
        List<Table> pieces = new ArrayList<>();
        try (chunks) {
            chunks.forEachRemaining(pieces::add);
        }
        return pieces;
    }

    @Nested
    class AFormatThatReadsFilesWhole {

        @Test
        void readsTheFileOnceAndServesEveryOpeningFromIt() throws IOException {
            Path file = cities();
            Table whole = CsvFormat.defaults().read(file);
            TableSource source = TableSource.of(CsvFormat.defaults(), file);

            assertThat(source.streams()).isFalse();
            assertThat(source.name()).isEqualTo(file.toString());
            assertThat(source.schema()).isEqualTo(whole.schema());
            Files.delete(file);
            assertThat(all(source.open())).containsExactly(whole);
            assertThat(all(source.open(List.of("coastal", "city", "nowhere"))))
                    .containsExactly(whole.select("city", "coastal"));
            assertThat(source.fingerprint(10)).isEqualTo(Fingerprint.of(whole));
            assertThat(source).hasToString("TableSource[" + file + " as csv, read whole]");
        }

        @Test
        void aFileThatCannotBeReadFailsAtTheFirstCallThatNeedsIt() {
            TableSource source = TableSource.of(CsvFormat.defaults(), dir.resolve("absent.csv"));

            assertThat(source.streams()).isFalse();
            assertThatThrownBy(source::schema).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("absent.csv");
        }
    }

    @Nested
    class AFormatThatStreams {

        @Test
        void readsThePiecesAnewAtEachOpeningOnlyTheColumnsAskedFor() throws IOException {
            Path file = cities();
            Table whole = CsvFormat.defaults().read(file);
            PiecesFormat format = new PiecesFormat(3);
            TableSource source = TableSource.of(format, file);

            assertThat(source.streams()).isTrue();
            assertThat(source).hasToString("TableSource[" + file + " as pieces, streamed]");
            assertThat(format.readings()).isEmpty();
            assertThat(all(source.open())).containsExactlyElementsOf(Pieces.every(whole, 3));
            assertThat(all(source.open(List.of("founded", "city")))).extracting(Table::rowCount)
                    .containsExactly(3, 3, 3, 1);
            // the first reading was the schema's
            assertThat(format.readings()).containsExactly(whole.schema().names(), whole.schema().names(),
                    List.of("city", "founded"));
        }

        @Test
        void theSchemaComesFromTheFormatsPiecesAndIsReadOnce() throws IOException {
            PiecesFormat format = new PiecesFormat(4);
            TableSource source = TableSource.of(format, cities());

            assertThat(source.schema().names()).containsExactly("city", "population", "founded", "coastal");
            assertThat(source.schema()).isSameAs(source.schema());
            assertThat(format.readings()).hasSize(1);
        }

        @Test
        void theFingerprintReadsEachColumnAloneAndIsTheWholeTables() throws IOException {
            Path file = cities();
            Table whole = CsvFormat.defaults().read(file);
            PiecesFormat format = new PiecesFormat(4);
            TableSource source = TableSource.of(format, file);

            assertThat(source.fingerprint(10)).isEqualTo(Fingerprint.of(whole));
            assertThat(format.readings()).containsExactly(whole.schema().names(), List.of("city"),
                    List.of("population"), List.of("founded"), List.of("coastal"));
        }

        @Test
        void aRowCountThatThePiecesDoNotHaveMeansTheInputChanged() throws IOException {
            TableSource source = TableSource.of(new PiecesFormat(4), cities());

            assertThatThrownBy(() -> source.fingerprint(11)).isInstanceOf(MlopsException.class)
                    .hasMessageStartingWith(dir.resolve("cities.csv") + ": the input changed while it was read: ")
                    .hasMessageEndingWith("expected cells of column 'city' (1, CATEGORICAL), which has 10 of its 11"
                            + " rows, but got 'population' (NUMERIC)");
            assertThatThrownBy(() -> source.fingerprint(9)).isInstanceOf(MlopsException.class)
                    .hasMessageContaining("column 'city' (1) has 8 of its 9 rows; a piece of 2 more is too many");
        }
    }

    @Nested
    class PiecesInMemory {
        private final Table whole = Table.builder().numeric("x", 1, 2, 3, 4, 5).text("t", "a", "b", null, "d", "é")
                .build();

        @Test
        void everyOpeningYieldsThePiecesInOrderWithTheColumnsAskedFor() {
            List<Table> pieces = Pieces.every(whole, 2);
            TableSource source = TableSource.of("memory", whole.schema(), pieces);

            assertThat(source.streams()).isFalse();
            assertThat(source.name()).isEqualTo("memory");
            assertThat(source).hasToString("TableSource[memory, 3 pieces in memory]");
            assertThat(all(source.open())).containsExactlyElementsOf(pieces);
            assertThat(all(source.open())).containsExactlyElementsOf(pieces);
            try (TableChunks texts = source.open(List.of("t"))) {
                assertThat(texts.schema()).isEqualTo(whole.select("t").schema());
                assertThat(texts.next()).isEqualTo(whole.select("t").rows(0, 1));
            }
            assertThat(source.fingerprint(5)).isEqualTo(Fingerprint.of(whole));
        }

        @Test
        void noPieceIsATableWithoutRows() {
            TableSource source = TableSource.of("memory", whole.schema(), List.of());

            try (TableChunks chunks = source.open(List.of("x"))) {
                assertThat(chunks.schema().names()).containsExactly("x");
                assertThat(chunks.hasNext()).isFalse();
                assertThatThrownBy(chunks::next).isInstanceOf(NoSuchElementException.class)
                        .hasMessage("memory: every piece was read");
            }
            assertThat(source.fingerprint(0)).isEqualTo(Fingerprint.of(Table.empty(whole.schema())));
        }

        @Test
        void aClosedOpeningYieldsNothingMore() {
            TableChunks chunks = TableSource.of("memory", whole.schema(), Pieces.every(whole, 2)).open();
            chunks.next();
            chunks.close();

            assertThat(chunks.hasNext()).isFalse();
        }

        @Test
        void aPieceOfAnotherSchemaIsRefusedNamingIt() {
            Table other = Table.of(NumericColumn.of("x", 1));

            assertThatThrownBy(() -> TableSource.of("memory", whole.schema(), List.of(whole, other)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("memory: piece 1 has the schema ")
                    .hasMessageContaining(other.schema() + " but the table has " + whole.schema());
            assertThatThrownBy(() -> TableSource.of("memory", Schema.of(List.of()), List.of(whole)))
                    .hasMessageContaining("piece 0");
        }
    }
}
