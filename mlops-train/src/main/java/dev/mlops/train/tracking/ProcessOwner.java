package dev.mlops.train.tracking;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that started a run: its host, process id and start time, so that a run left running
 * by a process that has since ended can be told from one still at work (a process id alone may be
 * reused).
 *
 * @param host the host name
 * @param pid the process id
 * @param started the process's start time in epoch milliseconds, 0 when the platform does not say
 */
record ProcessOwner(String host, long pid, long started) {
    /** @return this process */
    static ProcessOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessOwner(hostName(), self.pid(), startMillis(self));
    }

    /** @return true if the process still runs (same id and start time) */
    boolean isAlive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive() && (started == 0 || startMillis(process.get()) == started);
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
