package dev.mlops.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @TempDir
    Path directory;

    @Test
    void writesThePageAndTheJsonSideBySide() throws IOException {
        MonitoringReport report = Reports.full();
        ReportFiles files = ReportFiles.write(report, directory.resolve("week-12"));
        assertThat(files.html()).isEqualTo(directory.resolve("week-12/report.html"));
        assertThat(files.json()).isEqualTo(directory.resolve("week-12/report.json"));
        assertThat(Files.readString(files.html(), StandardCharsets.UTF_8)).isEqualTo(report.toHtml());
        assertThat(Files.readString(files.json(), StandardCharsets.UTF_8)).isEqualTo(report.toJson() + "\n");
        assertThat(MonitoringReport.read(files.json()).toJson()).isEqualTo(report.toJson());
        try (Stream<Path> listed = Files.list(files.html().getParent())) {
            assertThat(listed.map(path -> path.getFileName().toString()))
                    .as("no temp file left").containsExactlyInAnyOrder("report.html", "report.json");
        }
    }

    @Test
    void aSecondReportReplacesTheFirst() throws IOException {
        ReportFiles.write(Reports.full(), directory);
        MonitoringReport small = ReportJsonTest.small();
        ReportFiles files = ReportFiles.write(small, directory);
        assertThat(Files.readString(files.html(), StandardCharsets.UTF_8)).isEqualTo(small.toHtml());
        assertThat(MonitoringReport.read(files.json())).isEqualTo(MonitoringReport.fromJson(small.toJson(), "x"));
    }

    @Test
    void aFileThatCannotBeWrittenOrReadIsNamed() throws IOException {
        Path blocked = directory.resolve("blocked");
        Files.writeString(blocked, "a file where the directory should be", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReportFiles.write(Reports.full(), blocked)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("report.json");
        Path absent = directory.resolve("absent.json");
        assertThatThrownBy(() -> MonitoringReport.read(absent)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read the monitoring report " + absent);
    }
}
