package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JsonLinesFormat#readBatch}: objects whose values fit the expected types, their origins, and the values that do not. */
class JsonLinesFormatReadBatchTest {
    private static final Schema EXPECTED = Schema.of(Field.of("id", ColumnType.NUMERIC), Field.of("ok", ColumnType.BOOLEAN));
    private static final String JSONL = "{\"id\":1,\"ok\":true,\"city\":\"Köln\"}\r\n\n{\"id\":\"abc\",\"ok\":false}\n"
            + "{\"ok\":false,\"id\":66.0,\"late\":1}\n{\"id\":3,\"ok\":1}";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("batch.jsonl"), content, StandardCharsets.UTF_8);
    }

    @Test
    void aValueOfTheWrongKindLeavesItsObjectOutAndNamesLineKeyAndText() throws IOException {
        Path file = file(JSONL);

        Batch batch = JsonLinesFormat.defaults().readBatch(file, EXPECTED);

        Table table = batch.table();
        assertThat(table.schema().names()).containsExactly("id", "ok", "city", "late");
        assertThat(table.numericColumn("id").toArray()).containsExactly(1, 66);
        assertThat(table.column("city").isMissing(1)).isTrue();
        assertThat(table.column("late").isMissing(0)).isTrue();
        assertThat(batch.problems()).extracting(CellProblem::line, CellProblem::column, CellProblem::position,
                CellProblem::text, CellProblem::problem).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "id", 1, "abc", "expected a number"),
                        org.assertj.core.groups.Tuple.tuple(5L, "ok", 2, "1", "expected true or false"));
    }

    @Test
    void copyingTheRowsGivesTheirLinesBackByteForByte() throws IOException {
        Path file = file(JSONL);

        Batch batch = JsonLinesFormat.defaults().readBatch(file, EXPECTED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        batch.origins().orElseThrow().copy(file, new int[] {1, 0}, out);

        assertThat(batch.origins().orElseThrow().line(1)).isEqualTo(4);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"ok\":false,\"id\":66.0,\"late\":1}\n{\"id\":1,\"ok\":true,\"city\":\"Köln\"}\r\n");
    }

    @Test
    void aKeyRepeatedInALaterObjectAfterALeftOutOneIsNotARepeat() throws IOException {
        Path file = file("{\"id\":\"x\"}\n{\"id\":2}\n");

        Batch batch = JsonLinesFormat.defaults().readBatch(file, EXPECTED);

        assertThat(batch.table().numericColumn("id").toArray()).containsExactly(2);
        assertThat(batch.table().schema().names()).containsExactly("id");
    }

    @Test
    void malformedJsonIsStillAnError() throws IOException {
        Path file = file("{\"id\":1}\n{\"id\":\n");

        assertThatThrownBy(() -> JsonLinesFormat.defaults().readBatch(file, EXPECTED))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + " line 2: malformed JSON");
    }

    @Test
    void aLineThatStartsWithAByteUtf8NeverHoldsIsAnErrorAtThatByte() throws IOException {
        Path file = Files.write(dir.resolve("bad.jsonl"), new byte[] {'{', '}', '\n', (byte) 0xFE, '{', '}', '\n'});

        assertThatThrownBy(() -> JsonLinesFormat.defaults().read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + " line 2: the byte 0xFE at byte offset 3 is not valid UTF-8; JSON Lines is UTF-8");
    }

    @Test
    void bytesThatAreNotUtf8AreStillAnError() throws IOException {
        Path file = Files.write(dir.resolve("bad.jsonl"), new byte[] {'{', '}', '\n', '{', (byte) 0xFF, '}', '\n'});

        assertThatThrownBy(() -> JsonLinesFormat.defaults().readBatch(file, EXPECTED))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + " line 2: the byte 0xFF at byte offset 4 is not valid UTF-8; JSON Lines is UTF-8");
    }
}
