package dev.mlops.core.access;

import dev.mlops.core.MlopsException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The result of {@link JsonLinesAuditLog#verify()}: whether the hash chain of an audit log
 * file holds, and if not, the first line that breaks it and why.
 *
 * @param file the log file checked
 * @param entries how many entries, from the first, were found intact
 * @param lastHash the hash of the last intact entry (64 zeros for none); keep it somewhere the
 *     log's writers cannot write to detect later removal of entries at the end
 * @param firstBadLine the first line (from 1) that was edited, removed, inserted or moved;
 *     empty if the chain holds
 * @param problem what is wrong with that line; empty if the chain holds
 */
public record AuditVerification(Path file, long entries, String lastHash, OptionalLong firstBadLine,
        String problem) {

    /**
     * Checks the result is consistent.
     *
     * @param file the log file checked
     * @param entries how many entries were found intact
     * @param lastHash the hash of the last intact entry
     * @param firstBadLine the first bad line, if any
     * @param problem what is wrong with it; empty if none
     * @throws IllegalArgumentException if a bad line comes without a problem or the reverse
     */
    public AuditVerification {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(lastHash, "lastHash");
        Objects.requireNonNull(firstBadLine, "firstBadLine");
        Objects.requireNonNull(problem, "problem");
        if (firstBadLine.isPresent() == problem.isEmpty()) {
            throw new IllegalArgumentException("a bad line needs a problem and an intact log none, but firstBadLine was "
                    + firstBadLine + " and problem '" + problem + "'");
        }
    }

    /** @return true if every line of the file continues the hash chain */
    public boolean intact() {
        return firstBadLine.isEmpty();
    }

    /**
     * Throws unless the chain holds.
     *
     * @return this result, intact
     * @throws MlopsException naming the file, the first bad line and the problem
     */
    public AuditVerification requireIntact() {
        if (!intact()) {
            throw new MlopsException("audit log " + file + " fails verification: " + problem);
        }
        return this;
    }
}
