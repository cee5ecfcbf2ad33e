package dev.mlops.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeVersionTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String OTHER = "fedcba9876543210fedcba9876543210fedcba98";

    @TempDir
    Path tree;

    @Test
    void theFirstEnvironmentVariableInOrderWins() {
        assertThat(CodeVersion.detect(Map.of("GITHUB_SHA", " abc ", "GIT_COMMIT", "def"), tree)).contains("abc");
        assertThat(CodeVersion.detect(Map.of("MLOPS_CODE_VERSION", "1.2.0", "GITHUB_SHA", "abc"), tree)).contains("1.2.0");
        assertThat(CodeVersion.detect(Map.of("BITBUCKET_COMMIT", "b"), tree)).contains("b");
        assertThat(CodeVersion.detect(Map.of("GITHUB_SHA", "  "), tree)).isEmpty();
    }

    @Test
    void aBranchHeadIsReadFromItsLooseRefInAParentDirectory() throws Exception {
        write(".git/HEAD", "ref: refs/heads/main\n");
        write(".git/refs/heads/main", COMMIT + "\n");
        Path nested = Files.createDirectories(tree.resolve("a/b"));
        assertThat(CodeVersion.detect(Map.of(), nested)).contains(COMMIT);
    }

    @Test
    void aBranchHeadIsReadFromPackedRefs() throws Exception {
        write(".git/HEAD", "ref: refs/heads/release\n");
        write(".git/packed-refs", "# pack-refs with: peeled fully-peeled sorted\n" + OTHER + " refs/heads/main\n"
                + COMMIT + " refs/heads/release\n^" + OTHER + "\n");
        assertThat(CodeVersion.detect(Map.of(), tree)).contains(COMMIT);
    }

    @Test
    void aDetachedHeadIsItsCommit() throws Exception {
        write(".git/HEAD", COMMIT + "\n");
        assertThat(CodeVersion.detect(Map.of(), tree)).contains(COMMIT);
    }

    @Test
    void aWorktreeFollowsItsGitFileAndTheCommonDirectory() throws Exception {
        write("main/.git/refs/heads/feature", OTHER + "\n");
        write("main/.git/worktrees/wt/HEAD", "ref: refs/heads/feature\n");
        write("main/.git/worktrees/wt/commondir", "../..\n");
        write("wt/.git", "gitdir: " + tree.resolve("main/.git/worktrees/wt") + "\n");
        assertThat(CodeVersion.detect(Map.of(), tree.resolve("wt"))).contains(OTHER);
    }

    @Test
    void nothingIsGuessedFromAnUnbornBranchOrGarbage() throws Exception {
        write(".git/HEAD", "ref: refs/heads/main\n");
        assertThat(CodeVersion.detect(Map.of(), tree)).isEmpty();
        write(".git/HEAD", "not a commit\n");
        assertThat(CodeVersion.detect(Map.of(), tree)).isEmpty();
    }

    @Test
    void aDirectoryOutsideAnyRepositoryHasNoVersion() {
        Path outside = tree.resolve("plain");
        assertThat(CodeVersion.detect(Map.of(), outside.getRoot())).isEmpty();
    }

    private void write(String path, String content) throws Exception {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
