package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MlopsCommandTest {

    @Test
    void exitStatusesAreThoseOfTheDesign() {
        assertThat(MlopsCommand.EXIT_OK).isZero();
        assertThat(MlopsCommand.EXIT_CHECK_FAILED).isEqualTo(1);
        assertThat(MlopsCommand.EXIT_BAD_INPUT).isEqualTo(2);
        assertThat(MlopsCommand.EXIT_INTERNAL_ERROR).isEqualTo(70);
    }

    @Nested
    class Help {

        @ParameterizedTest
        @ValueSource(strings = {"--help", "-h"})
        void printsUsageToStdoutAndExitsZero(String option) {
            CliRun run = mlops(option);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Usage: mlops ")
                    .contains("schema", "--verbose", "--plugins=DIR", "MLOPS_PLUGINS", "--version", "Exit codes:",
                            "2    bad input or usage");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void listsTheCommandsInOrderAndShowsTheDataGate() {
            CliRun run = mlops("--help");

            assertThat(run.outLines()).filteredOn(line -> line.matches("  [a-z-]+  .*"))
                    .extracting(line -> line.strip().split(" ")[0])
                    .containsExactly("schema", "profile", "suggest", "check", "aggregate-labels", "split", "leakage",
                            "train", "explain", "runs", "registry", "lineage", "features", "baseline", "drift",
                            "monitor", "gate", "serve-batch", "components", "help");
            assertThat(run.out()).contains("Example, a data gate in CI:",
                    "  mlops suggest train.csv --out suite.json   # once, then review and edit it",
                    "  mlops check batch.csv --suite suite.json   # exit 1 fails the job");
            assertThat(run.outLines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        }

        @ParameterizedTest
        @ValueSource(strings = {"schema", "profile", "suggest", "check", "aggregate-labels", "split", "leakage", "train",
            "explain", "baseline"})
        void everyCommandThatReadsATableSharesTheInputOptions(String command) {
            CliRun run = mlops("help", command);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Usage: mlops " + command + " ")
                    .contains("--format=FORMAT", "--delimiter=CHAR", "--missing=TOKEN", "--charset=CHARSET",
                            "--zone=ZONE", "--json", "--verbose", "--plugins=DIR");
        }

        @Test
        void helpSubcommandShowsASubcommandsUsage() {
            CliRun run = mlops("help", "schema");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Usage: mlops schema ").contains("--delimiter", "--missing", "--zone", "--json");
        }

        @Test
        void subcommandHelpShowsTheInheritedVerboseOption() {
            CliRun run = mlops("schema", "--help");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Usage: mlops schema ").contains("--verbose");
        }
    }

    @Nested
    class Version {

        @ParameterizedTest
        @ValueSource(strings = {"--version", "-V"})
        void printsTheFilteredVersionAndTheJavaVersion(String option) {
            CliRun run = mlops(option);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).hasSize(2);
            assertThat(run.outLines().get(0)).matches("mlops \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
            assertThat(run.outLines().get(1)).startsWith("Java " + System.getProperty("java.version") + " (");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void subcommandAnswersWithTheSameVersion() {
            assertThat(mlops("schema", "--version").out()).isEqualTo(mlops("--version").out());
        }
    }

    @Nested
    class Usage {

        @Test
        void noSubcommandIsAUsageError() {
            CliRun run = mlops();

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("Missing required subcommand").contains("Usage: mlops ");
        }

        @Test
        void unknownSubcommandIsAUsageError() {
            CliRun run = mlops("scheme", "x.csv");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Unmatched arguments", "'scheme'", "Did you mean: mlops schema");
        }

        @Test
        void unknownTopLevelOptionIsAUsageError() {
            CliRun run = mlops("--bogus");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Unknown option: '--bogus'", "Usage: mlops ");
        }
    }
}
