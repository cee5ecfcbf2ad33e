package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Local times in a daylight-saving gap or overlap of the reader's zone, in both formats. */
class LocalTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    /** Berlin's clocks went from 02:00 to 03:00 on 2024-03-31: 02:30 never happened. */
    private static final String GAP = "2024-03-31 02:30";
    /** Berlin's clocks went from 03:00 back to 02:00 on 2024-10-27: 02:30 happened twice. */
    private static final String OVERLAP = "2024-10-27 02:30";

    /** Reads one column "at" of the given cells, as CSV or as JSON Lines strings. */
    private static Table read(String format, ZoneId zone, LocalTimes policy, boolean schema, String... cells) {
        StringBuilder text = new StringBuilder(format.equals("csv") ? "at\n" : "");
        for (String cell : cells) {
            text.append(format.equals("csv") ? cell : "{\"at\": \"" + cell + "\"}").append('\n');
        }
        Schema fields = Schema.of(Field.of("at", ColumnType.TIMESTAMP));
        TableFormat reader = format.equals("csv")
                ? (schema ? CsvFormat.builder().schema(fields) : CsvFormat.builder()).zone(zone).localTimes(policy).build()
                : (schema ? JsonLinesFormat.builder().schema(fields) : JsonLinesFormat.builder()).zone(zone)
                        .localTimes(policy).build();
        return reader.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "times." + format);
    }

    static Stream<Arguments> formatsAndTyping() {
        return Stream.of(Arguments.of("csv", false), Arguments.of("csv", true), Arguments.of("jsonl", false),
                Arguments.of("jsonl", true));
    }

    @Nested
    class ByDefault {
        @ParameterizedTest(name = "{0}, schema {1}")
        @MethodSource("dev.mlops.data.io.LocalTimesTest#formatsAndTyping")
        void aTimeInAGapIsRefusedNamingTheCell(String format, boolean schema) {
            assertThatThrownBy(() -> read(format, BERLIN, LocalTimes.ERROR, schema, "2024-03-30 12:00", GAP))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("times." + format)
                    .hasMessageContaining("line " + (format.equals("csv") ? 3 : 2))
                    .hasMessageContaining("'at'")
                    .hasMessageContaining("does not exist in Europe/Berlin")
                    .hasMessageContaining("gap")
                    .hasMessageContaining("\"" + GAP + "\"")
                    .hasMessageContaining("localTimes (--local-times) to earlier or later");
        }

        @ParameterizedTest(name = "{0}, schema {1}")
        @MethodSource("dev.mlops.data.io.LocalTimesTest#formatsAndTyping")
        void aTimeInAnOverlapIsRefusedNamingTheCell(String format, boolean schema) {
            assertThatThrownBy(() -> read(format, BERLIN, LocalTimes.ERROR, schema, OVERLAP))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("line " + (format.equals("csv") ? 2 : 1))
                    .hasMessageContaining("is ambiguous in Europe/Berlin")
                    .hasMessageContaining("overlap")
                    .hasMessageContaining("--local-times");
        }

        @Test
        void theDefaultFormatsRefuse() {
            String csv = "at\n" + GAP + "\n";
            assertThatThrownBy(() -> CsvFormat.builder().zone(BERLIN).build()
                    .read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "in.csv"))
                    .isInstanceOf(DataFormatException.class).hasMessageContaining("does not exist");
        }

        @Test
        void aDateWhoseMidnightWasSkippedIsRefused() {
            // Sao Paulo's clocks went from 00:00 to 01:00 on 2018-11-04
            assertThatThrownBy(() -> read("csv", SAO_PAULO, LocalTimes.ERROR, false, "2018-11-03", "2018-11-04"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("2018-11-04T00:00 does not exist in America/Sao_Paulo");
        }

        @Test
        void aTimeOutsideTransitionsReadsAsBefore() {
            assertThat(read("csv", BERLIN, LocalTimes.ERROR, false, "2024-03-31 01:30", "2024-10-27 03:30")
                    .timestampColumn("at").get(1)).isEqualTo(Instant.parse("2024-10-27T02:30:00Z"));
        }
    }

    @Nested
    class UnderInference {
        @Test
        void aGapTimeAmongTimestampsDoesNotMakeTheColumnCategorical() {
            // before: 02:30 silently became 03:30; it must neither pass silently nor turn the column into text
            assertThatThrownBy(() -> read("csv", BERLIN, LocalTimes.ERROR, false, "2024-03-30 12:00", GAP, "2024-04-01"))
                    .isInstanceOf(DataFormatException.class).hasMessageContaining("does not exist");

            Table resolved = read("csv", BERLIN, LocalTimes.EARLIER, false, "2024-03-30 12:00", GAP, "2024-04-01");
            assertThat(resolved.column("at").type()).isEqualTo(ColumnType.TIMESTAMP);
        }

        @Test
        void aColumnThatIsNotTimestampsStaysCategoricalWithoutAnError() {
            Table table = read("csv", BERLIN, LocalTimes.ERROR, false, "red", GAP);

            assertThat(table.column("at").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(table.categoricalColumn("at").get(1)).isEqualTo(GAP);
        }
    }

    @Nested
    class Resolved {
        static Stream<Arguments> cases() {
            return Stream.of(
                    // a gap's time moves forward by the gap's length under both policies: 02:30 reads as 03:30 CEST
                    Arguments.of(GAP, LocalTimes.EARLIER, "2024-03-31T01:30:00Z"),
                    Arguments.of(GAP, LocalTimes.LATER, "2024-03-31T01:30:00Z"),
                    // an overlap's 02:30 was 00:30Z (still CEST) and then 01:30Z (CET)
                    Arguments.of(OVERLAP, LocalTimes.EARLIER, "2024-10-27T00:30:00Z"),
                    Arguments.of(OVERLAP, LocalTimes.LATER, "2024-10-27T01:30:00Z"));
        }

        @ParameterizedTest(name = "{0} as {1}")
        @MethodSource("cases")
        void inCsvAndJsonLinesWithAndWithoutASchema(String local, LocalTimes policy, String instant) {
            for (String format : new String[] {"csv", "jsonl"}) {
                for (boolean schema : new boolean[] {false, true}) {
                    assertThat(read(format, BERLIN, policy, schema, local).timestampColumn("at").get(0))
                            .as("%s, schema %s", format, schema).isEqualTo(Instant.parse(instant));
                }
            }
        }

        @Test
        void aDateWhoseMidnightWasSkippedIsItsFirstHour() {
            for (LocalTimes policy : new LocalTimes[] {LocalTimes.EARLIER, LocalTimes.LATER}) {
                assertThat(read("jsonl", SAO_PAULO, policy, false, "2018-11-04").timestampColumn("at").get(0))
                        .isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));    // 01:00 at -02:00
            }
        }
    }

    @Nested
    class Settings {
        private static final ComponentRegistry REGISTRY = ComponentRegistry.defaults();

        @Test
        void theSpecNamesThePolicyInLowerCase() {
            CsvFormat later = CsvFormat.builder().zone(BERLIN).localTimes(LocalTimes.LATER).build();

            assertThat(later.spec().toString()).contains("localTimes=later");
            assertThat(REGISTRY.create(TableFormat.class, "jsonl(zone=Europe/Berlin, localTimes=earlier)"))
                    .isEqualTo(JsonLinesFormat.builder().zone(BERLIN).localTimes(LocalTimes.EARLIER).build());
        }

        @Test
        void errorIsTheDefaultAndAnEqualSetting() {
            assertThat(REGISTRY.create(TableFormat.class, "jsonl(localTimes=error)")).isEqualTo(JsonLinesFormat.defaults());
            assertThat(CsvFormat.builder().localTimes(LocalTimes.ERROR).build()).isEqualTo(CsvFormat.defaults());
        }

        @Test
        void anUnknownPolicyIsRefusedListingTheChoices() {
            assertThatThrownBy(() -> REGISTRY.create(TableFormat.class, "csv(localTimes=shift)"))
                    .hasMessageContaining("localTimes")
                    .hasMessageContaining("error, earlier or later");
        }
    }
}
