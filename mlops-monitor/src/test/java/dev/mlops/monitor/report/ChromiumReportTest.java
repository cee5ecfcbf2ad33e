package dev.mlops.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Documents;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a written report in a real browser, Debian's headless {@code chromium} (DESIGN.md, "HTML
 * reports are checked in a real browser"), as a child process: once for the DOM it builds
 * ({@code --dump-dom}), once for a screenshot. Without Chromium the tests are skipped with the
 * reason, except under {@code CI=true}, where they fail.
 */
class ChromiumReportTest {
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    static Path directory;
    private static ReportFiles files;
    private static Path chromium;

    @BeforeAll
    static void writeReport() {
        Optional<Path> found = findChromium();
        if (found.isEmpty()) {
            String reason = "the browser test needs Chromium: install Debian's package 'chromium'"
                    + " (apt-get install -y chromium); no 'chromium' on the PATH";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI=true: it fails instead of skipping)");
            }
            Assumptions.abort(reason);
        }
        chromium = found.get();
        files = ReportFiles.write(Reports.full(), directory.resolve("report"));
    }

    @Test
    void theDomChromiumBuildsHasEveryChartAndTheJsonsNumbers() throws IOException, InterruptedException {
        Path out = directory.resolve("dom.html");
        run(List.of("--dump-dom", files.html().toUri().toString()), out);
        Document page = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        JsonNode json = Documents.parseTree(Files.readString(files.json(), StandardCharsets.UTF_8), "report.json");

        assertThat(page.title()).isEqualTo("Churn model — week 12 <b>bold?</b>");
        assertThat(page.select("script")).as("no script element, not even the feature named like one").isEmpty();
        assertThat(page.select("h1 b, td i")).as("markup in text stays text").isEmpty();
        assertThat(page.select("section#features h3").eachText()).anySatisfy(
                heading -> assertThat(heading).startsWith(Reports.SCRIPT));
        assertThat(PageChecks.numbersMatchJson(page, json)).as("numbers compared").isGreaterThan(250);
        PageChecks.chartsDrawn(page, json);
        Element empty = page.select("section#features article").get(3);
        assertThat(empty.select("svg text.note").eachText()).containsExactly("no current rows");
    }

    @Test
    void theScreenshotShowsTheBarsAndTheVerdictColours() throws IOException, InterruptedException {
        Path png = directory.resolve("report.png");
        run(List.of("--hide-scrollbars", "--window-size=1280,3600", "--screenshot=" + png,
                files.html().toUri().toString()), directory.resolve("screenshot.log"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        // the colours of the page's CSS: reference and current bars, drift and ok markers
        assertThat(pixels(image, 0x6f8aa8)).as("reference bars").isGreaterThan(2000);
        assertThat(pixels(image, 0xe07b39)).as("current bars").isGreaterThan(2000);
        assertThat(pixels(image, 0xc62828)).as("drift markers and badges").isGreaterThan(100);
        assertThat(pixels(image, 0x2e7d32)).as("ok markers and badges").isGreaterThan(100);
    }

    /** Runs Chromium headless on its own profile, stdout to a file, and waits for it. */
    private static void run(List<String> arguments, Path stdout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--user-data-dir=" + directory.resolve("profile")));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(directory.resolve("chromium.err").toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        assertThat(process.exitValue()).as("exit status of %s; stderr in %s", command, "chromium.err").isZero();
    }

    private static long pixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                if (near(pixel >> 16, rgb >> 16) && near(pixel >> 8, rgb >> 8) && near(pixel, rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean near(int a, int b) {
        return Math.abs((a & 0xff) - (b & 0xff)) <= 6;
    }

    private static Optional<Path> findChromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "chromium");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
