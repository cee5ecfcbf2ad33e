package dev.mlops.examples.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestStreamTest {
    static final Table APPLICANTS = Table.of(NumericColumn.of("age", 23, 31, 52, 67, 44, 38),
            CategoricalColumn.of("housing", "rent", "own", "own", "free", "rent", "own"),
            CategoricalColumn.of("class", "good", "bad", "good", "good", "bad", "good"));

    @Test
    void normalTrafficDealsEveryHeldOutRowOncePerPass() {
        RequestStream stream = new RequestStream(APPLICANTS, List.of("age", "housing"), "class", 3);
        for (int pass = 0; pass < 3; pass++) {
            Set<String> applicants = new HashSet<>();
            for (int i = 0; i < APPLICANTS.rowCount(); i++) {
                applicants.add(stream.next(StreamWindow.Traffic.NORMAL).applicant());
            }
            assertThat(applicants).as("pass %d", pass).hasSize(APPLICANTS.rowCount());
        }
    }

    @Test
    void aRequestCarriesTheFeaturesAndTheLabelArrivesApart() {
        RequestStream.Application first = new RequestStream(APPLICANTS, List.of("age", "housing"), "class", 3)
                .next(StreamWindow.Traffic.NORMAL);
        int row = Integer.parseInt(first.applicant().substring("applicant-".length()));

        assertThat(first.inferenceId()).isEqualTo("req-000001");
        assertThat(first.features().schema().names()).containsExactly("age", "housing");
        assertThat(first.features().numericColumn("age").get(0)).isEqualTo(APPLICANTS.numericColumn("age").get(row));
        assertThat(first.label()).isEqualTo(APPLICANTS.categoricalColumn("class").get(row));
    }

    @Test
    void theDriftedStreamIsMostlyOlderApplicantsAndTheSameForTheSameSeed() {
        RequestStream stream = new RequestStream(APPLICANTS, List.of("age", "housing"), "class", 5);
        RequestStream again = new RequestStream(APPLICANTS, List.of("age", "housing"), "class", 5);
        List<RequestStream.Application> drifted = IntStream.range(0, 2000)
                .mapToObj(i -> stream.next(StreamWindow.Traffic.DRIFTED)).toList();

        long older = drifted.stream().filter(a -> a.features().numericColumn("age").get(0) >= 50).count();
        // 85 % from the 2 older applicants, plus 2 of 6 of the other 15 %: 0.85 + 0.15 * 2 / 6 = 0.9
        assertThat(older / 2000.0).isBetween(0.87, 0.93);
        assertThat(stream.olderApplicants()).isEqualTo(2);
        assertThat(IntStream.range(0, 2000).mapToObj(i -> again.next(StreamWindow.Traffic.DRIFTED).applicant()))
                .containsExactlyElementsOf(drifted.stream().map(RequestStream.Application::applicant).toList());
    }

    @Test
    void refusesRowsItCannotDrawFrom() {
        assertThatThrownBy(() -> new RequestStream(APPLICANTS.head(0), List.of("age"), "class", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held-out rows are empty");
        assertThatThrownBy(() -> new RequestStream(APPLICANTS.rows(0, 1), List.of("age"), "class", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the held-out rows hold no applicant aged 50.0 or more, so no drifted stream can be drawn");
        assertThatThrownBy(() -> new RequestStream(APPLICANTS, List.of("age", "class"), "class", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a request must not carry the label 'class'");
    }
}
