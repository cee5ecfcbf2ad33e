package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TableFormatComponentTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.defaults();
    private static final Schema SCHEMA = Schema.of(Field.of("id", ColumnType.NUMERIC),
            Field.of("label", ColumnType.CATEGORICAL));

    static Stream<TableFormat> formats() {
        return Stream.of(CsvFormat.defaults(),
                CsvFormat.builder().delimiter(';').zone(ZoneId.of("Europe/Berlin")).build(),
                CsvFormat.builder().delimiter('\t').quote('\'').header(false).missingTokens("-", "")
                        .charset(StandardCharsets.ISO_8859_1).trimSpaces(true).schema(SCHEMA).build(),
                CsvFormat.builder().zone(ZoneId.of("Europe/Berlin")).localTimes(LocalTimes.LATER).build(),
                JsonLinesFormat.defaults(),
                JsonLinesFormat.builder().zone(ZoneId.of("UTC")).schema(SCHEMA).build(),
                JsonLinesFormat.builder().zone(ZoneId.of("America/Sao_Paulo")).localTimes(LocalTimes.EARLIER).build());
    }

    @Nested
    class SensitiveFields {
        private static final Schema MARKED = Schema.of(Field.sensitive("ssn", ColumnType.TEXT),
                Field.of("age", ColumnType.NUMERIC));

        @Test
        void theMarkSurvivesTheSpecStringAndTheJson() {
            for (TableFormat format : List.<TableFormat>of(CsvFormat.builder().schema(MARKED).build(),
                    JsonLinesFormat.builder().schema(MARKED).build())) {
                String spec = format.spec().toString();
                String json = Documents.write(format.spec().toJson());

                assertThat(spec).contains("sensitive=true").doesNotContain("sensitive=false");
                assertThat(REGISTRY.create(TableFormat.class, spec)).isEqualTo(format);
                assertThat(REGISTRY.create(TableFormat.class, ComponentSpec.read(Documents.parse(json, "format.json"))))
                        .isEqualTo(format);
            }
        }

        @Test
        void aSpecStringMarksAField() {
            CsvFormat format = (CsvFormat) REGISTRY.create(TableFormat.class,
                    "csv(schema=[{name=ssn, type=text, sensitive=true}, {name=age, type=numeric}])");

            assertThat(format.schema()).contains(MARKED);
        }

        @Test
        void aTableReadWithTheSchemaKeepsTheMark() {
            byte[] csv = "age,ssn\n31,123-45-6789\n".getBytes(StandardCharsets.UTF_8);
            byte[] jsonl = "{\"ssn\": \"123-45-6789\", \"age\": 31}\n".getBytes(StandardCharsets.UTF_8);

            assertThat(CsvFormat.builder().schema(MARKED).build().read(new ByteArrayInputStream(csv), "in.csv")
                    .schema()).isEqualTo(MARKED);
            assertThat(JsonLinesFormat.builder().schema(MARKED).build()
                    .read(new ByteArrayInputStream(jsonl), "in.jsonl").schema()).isEqualTo(MARKED);
        }
    }

    @Nested
    class RoundTrip {
        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.TableFormatComponentTest#formats")
        void theSpecStringRebuildsAnEqualFormat(TableFormat format) {
            String spec = format.spec().toString();

            assertThat(REGISTRY.create(TableFormat.class, spec)).isEqualTo(format).hasSameHashCodeAs(format);
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.TableFormatComponentTest#formats")
        void theJsonRebuildsAnEqualFormat(TableFormat format) {
            String json = Documents.write(format.spec().toJson());

            assertThat(REGISTRY.create(TableFormat.class, ComponentSpec.read(Documents.parse(json, "format.json"))))
                    .isEqualTo(format);
        }

        @Test
        void aSpecStringEqualsTheBuiltFormat() {
            assertThat(REGISTRY.create(TableFormat.class, "csv(delimiter=\";\", zone=Europe/Berlin)"))
                    .isEqualTo(CsvFormat.builder().delimiter(';').zone(ZoneId.of("Europe/Berlin")).build());
            assertThat(REGISTRY.create(TableFormat.class, "jsonl")).isEqualTo(JsonLinesFormat.defaults());
        }

        @Test
        void aSchemaIsTheListOfItsFields() {
            TableFormat format = REGISTRY.create(TableFormat.class,
                    "csv(schema=[{name=id, type=numeric}, {name=label, type=categorical}])");

            assertThat(format).isEqualTo(CsvFormat.builder().schema(SCHEMA).build());
            assertThat(((CsvFormat) format).schema()).contains(SCHEMA);
        }

        @Test
        void theDefaultsWriteAShortSpec() {
            assertThat(JsonLinesFormat.defaults()).hasToString("jsonl()");
            assertThat(CsvFormat.builder().zone(ZoneId.of("UTC")).build().spec().toString())
                    .startsWith("csv(").contains("zone=UTC").contains("delimiter=\",\"");
        }

        @Test
        void equalMissingTokenSetsAreEqualSettings() {
            assertThat(CsvFormat.builder().missingTokens("NA", "").build())
                    .isEqualTo(CsvFormat.builder().missingTokens("", "NA").build())
                    .isNotEqualTo(CsvFormat.defaults());
        }

        @Test
        void theRegistryListsBothTypes() {
            assertThat(REGISTRY.types(TableFormat.class)).extracting(type -> type.name()).contains("csv", "jsonl");
        }
    }

    @Nested
    class Refusals {
        @Test
        void aDelimiterOfTwoCharacters() {
            assertThatThrownBy(() -> REGISTRY.create(TableFormat.class, "csv(delimiter=\";;\")"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("delimiter must be one character").hasMessageContaining("';;'");
        }

        @Test
        void aDelimiterEqualToTheQuote() {
            assertThatThrownBy(() -> new CsvFormat.Settings("'", "'", null, null, null, null, null, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("delimiter must not equal the quote character but both were '''");
        }

        @Test
        void aLineBreak() {
            assertThatThrownBy(() -> new CsvFormat.Settings(null, "\n", null, null, null, null, null, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("quote must be one character");
        }

        @Test
        void anUnknownCharset() {
            assertThatThrownBy(() -> REGISTRY.create(TableFormat.class, "csv(charset=klingon)"))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("charset must be a charset")
                    .hasMessageContaining("'klingon'");
        }

        @Test
        void aRepeatedSchemaName() {
            assertThatThrownBy(() -> REGISTRY.create(TableFormat.class,
                    "jsonl(schema=[{name=a, type=numeric}, {name=a, type=text}])"))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("a");
        }

        @Test
        void anUnknownSetting() {
            assertThatThrownBy(() -> REGISTRY.create(TableFormat.class, "jsonl(delimiter=\";\")"))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("unknown setting 'delimiter'");
        }
    }

    @Test
    void theCharsetIsCanonical() {
        assertThat(CsvFormat.of(new CsvFormat.Settings(null, null, null, null, null, null, "utf8", null, null, null)).settings()
                .charset()).isEqualTo("UTF-8");
        assertThat(CsvFormat.defaults().settings().missingTokens()).isEqualTo(List.of("", "?", "NA"));
    }
}
