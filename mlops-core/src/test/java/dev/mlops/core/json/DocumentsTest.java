package dev.mlops.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.io.AtomicFiles;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentsTest {

    @Nested
    class Create {
        @Test
        void startsWithTheEnvelope() {
            ObjectNode document = Documents.create("my-report", 3);
            document.put("b", 1);
            document.put("a", "São Paulo");

            assertThat(Documents.write(document)).isEqualTo("{\n  \"a\": \"São Paulo\",\n  \"b\": 1,\n"
                    + "  \"formatVersion\": 3,\n  \"kind\": \"my-report\"\n}");
        }

        @Test
        void refusesABlankKindOrAVersionBelowOne() {
            assertThatThrownBy(() -> Documents.create(" ", 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("kind must not be blank");
            assertThatThrownBy(() -> Documents.create("k", 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("formatVersion must be at least 1 but was 0");
            assertThat(Documents.create("k", 1).get("formatVersion").intValue()).isEqualTo(1);
        }
    }

    @Nested
    class Parse {
        @Test
        void aSyntaxErrorNamesTheLineAndCharacter() {
            assertThatThrownBy(() -> Documents.parse("{\n  \"a\": 1,\n  }", "suite.json"))
                    .isInstanceOfSatisfying(DataFormatException.class, e -> {
                        assertThat(e.source()).isEqualTo("suite.json");
                        assertThat(e.line()).isEqualTo(3);
                    })
                    .hasMessageStartingWith("suite.json line 3: not valid JSON at character 3: ")
                    .hasMessageNotContaining("Source:");
        }

        @Test
        void anErrorAtTheFirstCharacterSaysSo() {
            assertThatThrownBy(() -> Documents.parse("}", "x.json")).isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith("x.json line 1: not valid JSON at character 1: ");
        }

        @Test
        void emptyTextIsNotJson() {
            assertThatThrownBy(() -> Documents.parse("  ", "x.json"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("x.json line 1: not valid JSON: the text is empty");
        }

        @Test
        void trailingTextIsAnError() {
            assertThatThrownBy(() -> Documents.parse("{} {}", "x.json")).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("x.json line 1: not valid JSON");
        }

        @Test
        void theRootMustBeAnObject() {
            assertThatThrownBy(() -> Documents.parse("[1, 2]", "x.json"))
                    .isInstanceOfSatisfying(DocumentException.class, e -> {
                        assertThat(e.source()).isEqualTo("x.json");
                        assertThat(e.path()).isEmpty();
                    })
                    .hasMessage("x.json: a document must be a JSON object but was [1,2]");
        }
    }

    @Nested
    class Files_ {
        @TempDir
        Path directory;

        @Test
        void saveAndLoadRoundTrip() {
            Path file = directory.resolve("sub/report.json");
            ObjectNode document = Documents.create("r", 1);
            document.put("city", "München");

            AtomicFiles.writeString(file, Documents.write(document));
            DocumentReader reader = Documents.load(file);

            assertThat(reader.source()).isEqualTo(file.toString());
            assertThat(reader.requireKind("r", 1)).isEqualTo(1);
            assertThat(reader.text("city")).isEqualTo("München");
        }

        @Test
        void aFileThatIsNotJsonNamesTheFile() throws Exception {
            Path file = directory.resolve("bad.json");
            Files.writeString(file, "{\n\"a\" 1}", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> Documents.load(file)).isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(file + " line 2: not valid JSON at character 5");
        }

        @Test
        void aMissingFileIsAnIoError() {
            Path file = directory.resolve("absent.json");

            assertThatThrownBy(() -> Documents.load(file)).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot read " + file);
        }
    }
}
