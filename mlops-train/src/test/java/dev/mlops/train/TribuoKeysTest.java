package dev.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import dev.mlops.data.split.SplitException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

class TribuoKeysTest {

    static Example<Label> example(String label, Map<String, Object> metadata) {
        return new ArrayExample<>(new Label(label), new String[] {"x"}, new double[] {1}, metadata);
    }

    @Nested
    class Labels {
        @Test
        void theLabelColumnHoldsEachExamplesLabelNameAndTheUnknownLabelAsMissing() {
            List<Example<Label>> examples = List.of(example("good", Map.of()), example("bad", Map.of()),
                    new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[] {"x"}, new double[] {1}));

            Table table = TribuoKeys.label().table(examples);

            assertThat(table.schema().names()).containsExactly("item", TribuoKeys.LABEL);
            assertThat(table.categoricalColumn("label").get(0)).isEqualTo("good");
            assertThat(table.categoricalColumn("label").get(1)).isEqualTo("bad");
            assertThat(table.categoricalColumn("label").isMissing(2)).isTrue();
        }
    }

    @Nested
    class Metadata {
        @Test
        void theColumnIsNamedAfterTheFieldAndAnAbsentValueIsMissing() {
            List<Example<Label>> examples = List.of(example("good", Map.of("customer", 17)),
                    example("bad", Map.of("customer", "München")), example("bad", Map.of()));

            Table table = TribuoKeys.<Label>metadata("customer").table(examples);

            assertThat(table.categoricalColumn("customer").get(0)).isEqualTo("17");
            assertThat(table.categoricalColumn("customer").get(1)).isEqualTo("München");
            assertThat(table.categoricalColumn("customer").isMissing(2)).isTrue();
        }

        @Test
        void aBlankOrReservedFieldIsRefused() {
            assertThatThrownBy(() -> TribuoKeys.metadata(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field must not be blank but was ' '");
            assertThatThrownBy(() -> TribuoKeys.timestampMetadata("item")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'item'");
        }
    }

    @Nested
    class Timestamps {
        @Test
        void textInstantsAndZonedTimesGiveTheSameInstant() {
            Instant instant = Instant.parse("2024-03-01T09:30:00Z");
            List<Example<Label>> examples = List.of(example("a", Map.of("time", "2024-03-01T09:30:00Z")),
                    example("a", Map.of("time", instant)),
                    example("a", Map.of("time", OffsetDateTime.of(2024, 3, 1, 15, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)))),
                    example("a", Map.of("time", ZonedDateTime.of(2024, 3, 1, 10, 30, 0, 0, ZoneId.of("Europe/Berlin")))),
                    example("a", Map.of()));

            Table table = TribuoKeys.<Label>timestampMetadata("time").table(examples);

            for (int row = 0; row < 4; row++) {
                assertThat(table.timestampColumn("time").get(row)).as("row %s", row).isEqualTo(instant);
            }
            assertThat(table.timestampColumn("time").isMissing(4)).isTrue();
        }

        @Test
        void textThatIsNotAnInstantIsRefusedWithTheFieldValueAndForm() {
            Example<Label> bad = example("a", Map.of("time", "2024-03-01 09:30"));

            assertThatThrownBy(() -> TribuoKeys.<Label>metadataInstant("time").apply(bad))
                    .isInstanceOf(SplitException.class)
                    .hasMessage("metadata field 'time' must hold an ISO-8601 instant such as 2024-03-01T09:30:00Z "
                            + "but was '2024-03-01 09:30'");
        }

        @Test
        void aValueOfAnotherTypeIsRefusedNamingTheType() {
            Example<Label> local = example("a", Map.of("time", 1_700_000_000L));

            assertThatThrownBy(() -> TribuoKeys.<Label>metadataInstant("time").apply(local))
                    .isInstanceOf(SplitException.class).hasMessageContaining("java.lang.Long")
                    .hasMessageContaining("'1700000000'");
        }
    }
}
