package dev.mlops.deploy.registry;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.locks.LockSupport;

/**
 * A child JVM that registers a version of model {@code churn} in the registry directory it is given
 * and is killed half-way: its clock, read by the registering transaction after the artifact is
 * stored, prints {@value #BLOCKED} and blocks forever, so the parent kills it with the write
 * transaction open.
 */
final class RegisteringProcess {
    static final String BLOCKED = "blocked in the registering transaction";

    private RegisteringProcess() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (ModelRegistry registry = ModelRegistry.builder(Path.of(args[0])).formats(RegistryFixture.FORMATS)
                .clock(new BlockingInTransaction(out)).open()) {
            registry.register(RegistryFixture.ALICE, RegistryFixture.constant("churn", "yes"));
            out.println("registered, which the test does not expect");
        }
    }

    /** The system clock, except when read from inside a database transaction. */
    private static final class BlockingInTransaction extends Clock {
        private final PrintStream out;

        BlockingInTransaction(PrintStream out) {
            this.out = out;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            boolean inTransaction = StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                    frame.getClassName().equals("dev.mlops.store.Database") && frame.getMethodName().equals("transaction")));
            if (inTransaction) {
                out.println(BLOCKED);
                while (true) {
                    LockSupport.park(this);
                }
            }
            return Instant.now();
        }
    }
}
