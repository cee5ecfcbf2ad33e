package dev.mlops.data.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.SchemaException;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.predicate.PredicateSyntaxException;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SliceReportTest {
    private static final Path CREDIT = Path.of(System.getProperty("mlops.data.dir"), "credit-g.csv");

    private static Table people() {
        return Table.builder()
                .numeric("age", 19, 24, 31, 45, 22, 67)
                .categorical("city", "Hamburg", "München", "Hamburg", "São Paulo", "Hamburg", null)
                .build();
    }

    @Nested
    class Slices {
        @Test
        void aSliceSelectsAndCountsItsRows() {
            Slice young = Slice.of("young", "age < 25");

            assertThat(young.count(people())).isEqualTo(3);
            assertThat(young.select(people()).numericColumn("age").toArray()).containsExactly(19, 24, 22);
            assertThat(Slice.of("hamburg", "city == \"Hamburg\"").count(people())).isEqualTo(3);
            assertThat(young).hasToString("young = age < 25");
        }

        @Test
        void aBlankNameOrAMalformedExpressionIsRefused() {
            assertThatThrownBy(() -> Slice.of(" ", "age < 25"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("slice name must not be blank but was ' '");
            assertThatThrownBy(() -> Slice.of("bad", "age <"))
                    .isInstanceOf(PredicateSyntaxException.class);
        }

        @Test
        void aSliceOverAnUnknownColumnNamesTheColumns() {
            assertThatThrownBy(() -> Slice.of("x", "income > 3").count(people()))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("income")
                    .hasMessageContaining("age, city");
        }
    }

    @Nested
    class Report {
        @Test
        void sizesPerSliceAndSetWithTooSmallSlicesFlagged() {
            Map<String, Table> sets = new LinkedHashMap<>();
            sets.put("train", people().rows(0, 1, 2, 3));
            sets.put("test", people().rows(4, 5));

            SliceReport report = SliceReport.of(sets,
                    List.of(Slice.of("young", "age < 25"), Slice.of("hamburg", "city == \"Hamburg\"")), new SliceSizeRule(2));

            assertThat(report.sizes()).containsExactly(
                    new SliceSize("young", "train", 2, 4, 0.5, false),
                    new SliceSize("young", "test", 1, 2, 0.5, true),
                    new SliceSize("hamburg", "train", 2, 4, 0.5, false),
                    new SliceSize("hamburg", "test", 1, 2, 0.5, true));
            assertThat(report.tooSmall()).extracting(SliceSize::set).containsExactly("test", "test");
            assertThat(report.toText()).contains("a slice needs at least 2 rows in a set")
                    .contains("WARNING: too small for a meaningful metric");
        }

        @Test
        void anEmptySetGivesAShareOfZeroAndTwoSlicesMayNotShareAName() {
            Map<String, Table> sets = Map.of("empty", people().rows());

            assertThat(SliceReport.of(sets, List.of(Slice.of("young", "age < 25")), SliceSizeRule.defaults()).sizes())
                    .containsExactly(new SliceSize("young", "empty", 0, 0, 0.0, true));
            assertThatThrownBy(() -> SliceReport.of(sets, List.of(Slice.of("a", "age < 25"), Slice.of("a", "age > 25")),
                    SliceSizeRule.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("slice name 'a' appears twice");
        }

        @Test
        void overTheSetsOfAStratifiedSplitOfCreditG() throws IOException {
            Table credit = CsvFormat.defaults().read(CREDIT);
            Split split = Splitters.stratified(SizePolicy.guide(), "class", 7L).split(credit);

            SliceReport report = SliceReport.of(split, credit,
                    List.of(Slice.of("young", "age < 25"), Slice.of("car", "purpose in (\"new car\", \"used car\")")),
                    SliceSizeRule.defaults());

            int young = Slice.of("young", "age < 25").count(credit);
            assertThat(report.sizes().subList(0, 3).stream().mapToInt(SliceSize::rows).sum()).isEqualTo(young);
            assertThat(report.sizes()).extracting(SliceSize::set)
                    .containsExactly("train", "validation", "test", "train", "validation", "test");
            assertThat(report.sizes()).extracting(SliceSize::setRows).containsExactly(700, 150, 150, 700, 150, 150);
            JsonNode json = new ObjectMapper().readTree(report.toJson());
            assertThat(json.get("kind").asText()).isEqualTo("slice-report");
            assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(json.get("sizes")).hasSize(6);
        }
    }

    @Nested
    class Document {
        private final SliceReport report = new SliceReport(new SliceSizeRule(30), List.of(
                new SliceSize("young", "train", 40, 100, 0.4, false), new SliceSize("young", "test", 3, 10, 0.3, true)));

        @Test
        void roundTrips() {
            assertThat(SliceReport.fromJson(report.toJson(), "slices.json")).isEqualTo(report);
            assertThat(report.toJson()).startsWith("{\n  \"formatVersion\": 1,\n  \"kind\": \"slice-report\"");
        }

        @Test
        void anAbsentTooSmallFollowsTheRule() {
            String json = report.toJson().replace("\"tooSmall\": true", "\"x\": 0").replace(",\n      \"x\": 0", "");

            assertThat(SliceReport.fromJson(json, "slices.json").sizes().get(1).tooSmall()).isTrue();
        }

        @Test
        void aBadFieldIsNamedByItsPath() {
            assertThatThrownBy(() -> SliceReport.fromJson(report.toJson().replace("\"rows\": 3,", "\"rows\": \"3\","),
                    "slices.json"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessage("slices.json: sizes[1]: 'rows' must be an integer but was \"3\"");
        }

        @Test
        void anUnknownFieldIsRefused() {
            assertThatThrownBy(() -> SliceReport.fromJson(report.toJson().replace("\"minRows\"", "\"minrows\""),
                    "slices.json"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("slices.json: 'minRows' is required (an integer) but absent");
        }

        @Test
        void aBadRuleIsNamed() {
            assertThatThrownBy(() -> SliceReport.fromJson(report.toJson().replace("\"minRows\": 30", "\"minRows\": -1"),
                    "slices.json"))
                    .isInstanceOf(DocumentException.class).hasMessageStartingWith("slices.json: 'minRows' is not a valid rule");
        }
    }
}
