package dev.mlops.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An artifact's file no longer holds the content its hash names: it was modified or truncated
 * on disk after it was written. The message names the artifact, its file, and what the file's
 * content hashed to; the store never returns such content.
 *
 * <p>The file is kept as text (as {@link Path#toString()} gave it) so that the exception stays
 * serializable. To recover, restore the file from a backup, or
 * {@link ArtifactStore#delete(ArtifactRef) delete} it and put the original content again.
 */
public class CorruptArtifactException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** The hash the artifact is stored under. */
    private final String sha256;
    /** The artifact's file, as text. */
    private final String file;
    /** The hash of the bytes actually found. */
    private final String actualSha256;
    /** The number of bytes actually found. */
    private final long actualSize;

    /**
     * Creates the exception for an artifact whose file hashed to something else.
     *
     * @param sha256 the hash the artifact is stored under (64 hexadecimal digits)
     * @param file the artifact's file
     * @param actualSha256 the hash of the bytes found in the file
     * @param actualSize the number of bytes found in the file
     */
    public CorruptArtifactException(String sha256, Path file, String actualSha256,
            long actualSize) {
        super("Artifact " + ArtifactRef.PREFIX + Objects.requireNonNull(sha256, "sha256")
                + " is corrupt: its file " + Objects.requireNonNull(file, "file")
                + " holds " + actualSize + " bytes that hash to " + ArtifactRef.PREFIX
                + Objects.requireNonNull(actualSha256, "actualSha256")
                + "; it was modified or truncated on disk. Restore the file from a backup, or"
                + " delete the artifact and put its original content again");
        this.sha256 = sha256;
        this.file = file.toString();
        this.actualSha256 = actualSha256;
        this.actualSize = actualSize;
    }

    /**
     * Returns the hash the artifact is stored under.
     *
     * @return 64 lower-case hexadecimal digits
     */
    public String sha256() {
        return sha256;
    }

    /**
     * Returns the artifact's file, as text.
     *
     * @return the file's path
     */
    public String file() {
        return file;
    }

    /**
     * Returns the hash of the bytes actually found in the file.
     *
     * @return 64 lower-case hexadecimal digits
     */
    public String actualSha256() {
        return actualSha256;
    }

    /**
     * Returns the number of bytes actually found in the file.
     *
     * @return the file's length as read
     */
    public long actualSize() {
        return actualSize;
    }
}
