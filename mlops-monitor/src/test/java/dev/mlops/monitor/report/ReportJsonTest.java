package dev.mlops.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.report.Severity;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
    private static final Instant T0 = Instant.parse("2026-03-16T00:00:00Z");

    static MonitoringReport small() {
        return MonitoringReport.builder("Week 12", "churn v3", T0.plusSeconds(90))
                .finding(Finding.of(Severity.WARNING, "age", "age drifted", 0.31234567, 0.2))
                .finding(Finding.of(Severity.INFO, "report", "no quality yet"))
                .feature(new FeatureDrift("age", "ks", 0.31234567, OptionalDouble.of(1.0E-9), 0.05, Verdict.DRIFT, 100,
                        0, List.of(new Bin("[0, 10)", 0.25, Double.NaN))))
                .timeline(new Timeline("age", "psi", 0.2, List.of(new Timeline.Point(T0, Double.POSITIVE_INFINITY,
                        Verdict.DRIFT))))
                .quality(new QualitySeries("rmse", OptionalDouble.empty(), List.of(new QualitySeries.Point(T0, 12.5))))
                .quality(new QualitySeries("accuracy", OptionalDouble.of(0.9), List.of()))
                .build();
    }

    @Test
    void theDocumentHasTheEnvelopeSortedKeysAndRoundedNumbers() {
        assertThat(small().toJson()).isEqualTo("""
                {
                  "createdAt": "2026-03-16T00:01:30Z",
                  "features": [
                    {
                      "bins": [
                        {
                          "currentShare": "NaN",
                          "label": "[0, 10)",
                          "referenceShare": 0.25
                        }
                      ],
                      "currentSize": 0,
                      "feature": "age",
                      "pValue": 1E-9,
                      "referenceSize": 100,
                      "statistic": "ks",
                      "threshold": 0.05,
                      "value": 0.312346,
                      "verdict": "drift"
                    }
                  ],
                  "findings": [
                    {
                      "measured": 0.312346,
                      "message": "age drifted",
                      "scope": "age",
                      "severity": "warning",
                      "threshold": 0.2
                    },
                    {
                      "message": "no quality yet",
                      "scope": "report",
                      "severity": "info"
                    }
                  ],
                  "formatVersion": 1,
                  "kind": "monitoring-report",
                  "quality": [
                    {
                      "metric": "rmse",
                      "points": [
                        {
                          "time": "2026-03-16T00:00:00Z",
                          "value": 12.5
                        }
                      ]
                    },
                    {
                      "baseline": 0.9,
                      "metric": "accuracy",
                      "points": []
                    }
                  ],
                  "subject": "churn v3",
                  "timelines": [
                    {
                      "feature": "age",
                      "points": [
                        {
                          "time": "2026-03-16T00:00:00Z",
                          "value": "Infinity",
                          "verdict": "drift"
                        }
                      ],
                      "statistic": "psi",
                      "threshold": 0.2
                    }
                  ],
                  "title": "Week 12"
                }""");
    }

    @Nested
    class ReadingBack {
        @Test
        void aReportReadsBackAsWrittenWithItsNumbersRounded() {
            MonitoringReport read = MonitoringReport.fromJson(small().toJson(), "report.json");
            assertThat(read.features().get(0).value()).isEqualTo(0.312346);
            assertThat(read.findings().get(0).measured()).hasValue(0.312346);
            assertThat(read.features().get(0).bins().get(0).currentShare()).isNaN();
            assertThat(read.timelines().get(0).points().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(read.quality().get(1).baseline()).hasValue(0.9);
            assertThat(read.quality().get(0).baseline()).isEmpty();
            assertThat(read.findings().get(1).measured()).isEmpty();
            assertThat(read.createdAt()).isEqualTo(T0.plusSeconds(90));
            assertThat(read.toJson()).isEqualTo(small().toJson());
        }

        @Test
        void theFullReportRoundTrips() {
            MonitoringReport full = Reports.full();
            MonitoringReport read = MonitoringReport.fromJson(full.toJson(), "report.json");
            assertThat(read.toJson()).isEqualTo(full.toJson());
            assertThat(read.features().get(2).feature()).isEqualTo(Reports.SCRIPT);
            assertThat(read.features().get(1).bins()).extracting(Bin::label)
                    .containsExactly("München", "São Paulo", "Hamburg");
            assertThat(read.timelines()).isEqualTo(full.timelines());
            assertThat(read.title()).isEqualTo(full.title());
            assertThat(read.subject()).isEqualTo(full.subject());
        }
    }

    @Nested
    class BadDocuments {
        private final String json = small().toJson();

        @Test
        void anotherKindOrANewerVersionIsRefused() {
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"monitoring-report\"", "\"check-report\""),
                    "r.json")).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("r.json").hasMessageContaining("expected a document of kind 'monitoring-report'");
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"formatVersion\": 1", "\"formatVersion\": 2"),
                    "r.json")).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("format version 2 of 'monitoring-report' is not supported");
        }

        @Test
        void aValueTheModelRefusesIsNamedAtItsPath() {
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"referenceShare\": 0.25",
                    "\"referenceShare\": 1.25"), "r.json")).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("r.json").hasMessageContaining("features[0].bins[0]")
                    .hasMessageContaining("referenceShare of bin '[0, 10)' must be in [0, 1] or NaN but was 1.25");
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"verdict\": \"drift\"",
                    "\"verdict\": \"bad\""), "r.json")).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("features[0]").hasMessageContaining("verdict must be one of ok, drift, no-data");
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"severity\": \"warning\"",
                    "\"severity\": \"fatal\""), "r.json")).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("findings[0]").hasMessageContaining("severity must be one of");
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"title\": \"Week 12\"",
                    "\"title\": \" \""), "r.json")).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("title must not be blank");
        }

        @Test
        void pointsAndSeriesAreCheckedToo() {
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"value\": \"Infinity\",\n          "
                    + "\"verdict\": \"drift\"", "\"value\": 1,\n          \"verdict\": \"maybe\""), "r.json"))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("timelines[0].points[0]")
                    .hasMessageContaining("verdict must be one of");
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"threshold\": 0.2\n",
                    "\"threshold\": \"NaN\"\n"), "r.json")).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("timelines[0]").hasMessageContaining("threshold of timeline 'age' must be");
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"baseline\": 0.9",
                    "\"baseline\": \"Infinity\""), "r.json")).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("quality[1]").hasMessageContaining("baseline of metric 'accuracy'");
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"time\": \"2026-03-16T00:00:00Z\",\n"
                    + "          \"value\": 12.5", "\"time\": \"yesterday\",\n          \"value\": 12.5"),
                    "r.json")).isInstanceOf(DocumentException.class).hasMessageContaining("quality[0].points[0]")
                    .hasMessageContaining("'time' must be an ISO-8601 instant");
        }

        @Test
        void unknownFieldsAreRefusedAtEveryLevel() {
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"title\"", "\"extra\": 1, \"title\""),
                    "r.json")).isInstanceOf(DocumentException.class).hasMessageContaining("extra");
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"label\"", "\"lable2\": 1, \"label\""),
                    "r.json")).isInstanceOf(DocumentException.class).hasMessageContaining("features[0].bins[0]")
                    .hasMessageContaining("lable2");
            assertThatThrownBy(() -> MonitoringReport.fromJson(json.replace("\"scope\": \"report\"",
                    "\"scope\": \"report\", \"note\": 1"), "r.json")).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("findings[1]").hasMessageContaining("note");
        }

        @Test
        void textThatIsNotJsonNamesTheLine() {
            assertThatThrownBy(() -> MonitoringReport.fromJson("{\n\"kind\": ", "r.json"))
                    .isInstanceOf(DataFormatException.class).hasMessageContaining("r.json");
        }
    }
}
