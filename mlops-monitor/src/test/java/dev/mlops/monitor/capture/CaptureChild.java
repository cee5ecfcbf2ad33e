package dev.mlops.monitor.capture;

import dev.mlops.core.io.FlushPolicy;
import java.nio.file.Path;
import java.util.Map;

/** A child JVM that captures records until it is killed; prints "ready" once some are stored. */
final class CaptureChild {
    private CaptureChild() {
    }

    public static void main(String[] args) {
        CaptureWriter writer = CaptureWriter.builder(Path.of(args[0]))
                .flushPolicy(FlushPolicy.everyN(50)).rotateAfterBytes(256 * 1024).build();
        String padding = "ü".repeat(300);
        for (long i = 0; ; i++) {
            writer.capture("child-" + i, "v", CaptureStage.AFTER_MODEL,
                    Map.of("i", (double) i, "pad", padding), Map.of("p", 0.5));
            if (i == 1000) {
                writer.flush();
                System.out.println("ready");
                System.out.flush();
            }
        }
    }
}
