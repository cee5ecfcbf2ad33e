package dev.mlops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of the {@code mlops} command: its exit status and what it wrote to stdout
 * and stderr.
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code mlops args...} through {@link MlopsCommand#execute}, without {@code MLOPS_PLUGINS}. */
    static CliRun mlops(String... args) {
        return mlops(Map.of(), args);
    }

    /** Runs {@code mlops args...} through {@link MlopsCommand#execute} with this environment. */
    static CliRun mlops(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = MlopsCommand.execute(new PrintWriter(out), new PrintWriter(err), environment, args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** @return stdout's lines */
    List<String> outLines() {
        return out.lines().toList();
    }

    /** @return the credit-g data set that mlops-examples ships, found through {@code mlops.data.dir} */
    static Path creditG() {
        String dir = System.getProperty("mlops.data.dir");
        if (dir == null) {
            throw new IllegalStateException("the system property mlops.data.dir is not set; run the tests with Maven");
        }
        return Path.of(dir, "credit-g.csv");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
