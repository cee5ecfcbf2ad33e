package dev.mlops.train.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the version of the code a run executes: a commit named by the environment (CI systems set
 * one), or the commit checked out in the working tree's git repository, read from its files
 * ({@code .git/HEAD}, the branch's ref or {@code packed-refs}) without running git.
 *
 * <p>Environment variables, first found wins: {@code MLOPS_CODE_VERSION} (set it yourself),
 * {@code GITHUB_SHA} (GitHub Actions), {@code CI_COMMIT_SHA} (GitLab), {@code GIT_COMMIT} (Jenkins),
 * {@code BUILD_SOURCEVERSION} (Azure Pipelines), {@code CIRCLE_SHA1} (CircleCI),
 * {@code BITBUCKET_COMMIT} (Bitbucket). Whether the working tree has uncommitted changes is not
 * detected.
 */
public final class CodeVersion {
    /** The environment variables read, in order. */
    public static final List<String> VARIABLES = List.of("MLOPS_CODE_VERSION", "GITHUB_SHA", "CI_COMMIT_SHA",
            "GIT_COMMIT", "BUILD_SOURCEVERSION", "CIRCLE_SHA1", "BITBUCKET_COMMIT");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final String REF_PREFIX = "ref: ";
    private static final String GITDIR_PREFIX = "gitdir: ";

    private CodeVersion() {
    }

    /**
     * Detects the code version from this process's environment and working directory.
     *
     * @return the version, or empty when neither says
     */
    public static Optional<String> detect() {
        return detect(System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * Detects the code version from an environment and a directory.
     *
     * @param environment the environment variables
     * @param directory a directory inside the working tree (its parents are searched for {@code .git})
     * @return the version, or empty when neither says
     * @throws UncheckedIOException if a git file exists but cannot be read
     */
    public static Optional<String> detect(Map<String, String> environment, Path directory) {
        for (String variable : VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        for (Path dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.exists(git)) {
                return headCommit(gitDirectory(git));
            }
        }
        return Optional.empty();
    }

    private static Path gitDirectory(Path git) {
        if (Files.isDirectory(git)) {
            return git;
        }
        String pointer = read(git).strip();
        return pointer.startsWith(GITDIR_PREFIX) ? git.resolveSibling(pointer.substring(GITDIR_PREFIX.length())) : git;
    }

    private static Optional<String> headCommit(Path gitDir) {
        Path head = gitDir.resolve("HEAD");
        if (!Files.isRegularFile(head)) {
            return Optional.empty();
        }
        String content = read(head).strip();
        if (!content.startsWith(REF_PREFIX)) {
            return commit(content);
        }
        String ref = content.substring(REF_PREFIX.length()).strip();
        Path loose = gitDir.resolve(ref);
        if (Files.isRegularFile(loose)) {
            return commit(read(loose).strip());
        }
        Path common = Files.isRegularFile(gitDir.resolve("commondir"))
                ? gitDir.resolve(read(gitDir.resolve("commondir")).strip()) : gitDir;
        if (!common.equals(gitDir) && Files.isRegularFile(common.resolve(ref))) {
            return commit(read(common.resolve(ref)).strip());
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : read(packed).split("\n")) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 2 && parts[1].equals(ref)) {
                    return commit(parts[0]);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> commit(String text) {
        return COMMIT.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read git file " + file, e);
        }
    }
}
