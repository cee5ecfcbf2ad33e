package dev.mlops.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * A second process for {@link ArtifactStoreTest}, started as its own JVM with
 * {@code <directory> <prefix> <count>}: puts the UTF-8 bytes of {@code <prefix> <i>} for each
 * {@code i} below {@code count}, printing each ref, runs a garbage collection with a one-hour grace
 * period after every tenth put, and prints {@code DONE}.
 */
public final class ArtifactPutterProcess {

    private ArtifactPutterProcess() {
    }

    /**
     * Runs the child.
     *
     * @param args the artifact directory, the content prefix and the number of puts
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ArtifactStore store = ArtifactStore.open(Path.of(args[0]));
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            out.println(store.put((args[1] + " " + i).getBytes(StandardCharsets.UTF_8)));
            if (i % 10 == 9) {
                store.collectGarbage(Set.of(), Duration.ofHours(1));
            }
        }
        out.println("DONE");
    }
}
