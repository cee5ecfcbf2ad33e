package dev.mlops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactRefTest {
    /** SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Nested
    class TextForm {
        @Test
        void toStringIsThePrefixAndTheHashWithoutTheSize() {
            ArtifactRef ref = new ArtifactRef(ABC, 3);
            assertThat(ref).hasToString("sha256:" + ABC);
            assertThat(ref.sha256()).isEqualTo(ABC);
            assertThat(ref.size()).isEqualTo(3);
        }

        @Test
        void parseHashReadsTheTextFormAndTheBareHash() {
            assertThat(ArtifactRef.parseHash(new ArtifactRef(ABC, 3).toString())).isEqualTo(ABC);
            assertThat(ArtifactRef.parseHash(ABC)).isEqualTo(ABC);
        }

        @Test
        void refsWithTheSameHashAndSizeAreEqual() {
            assertThat(new ArtifactRef(ABC, 3)).isEqualTo(new ArtifactRef(ABC, 3))
                    .isNotEqualTo(new ArtifactRef(ABC, 4));
        }
    }

    @Nested
    class BadInput {
        @ParameterizedTest
        @ValueSource(strings = {
            "", "sha256:", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
            "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a/",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a:",
            "md5:900150983cd24fb0d6963f7d28e17f72", "sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        })
        void aMalformedHashIsRefusedQuotingIt(String text) {
            String hex = text.startsWith("sha256:") ? text.substring(7) : text;
            assertThatThrownBy(() -> ArtifactRef.parseHash(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("artifact hash must be sha256: followed by 64 lower-case hexadecimal"
                            + " digits (0-9, a-f), or the 64 digits alone, but was \"" + hex + "\" ("
                            + hex.length() + " characters)");
            assertThatThrownBy(() -> new ArtifactRef(text, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sha256 must be 64 lower-case hexadecimal digits (0-9, a-f) but was \""
                            + text + "\" (" + text.length() + " characters)");
        }

        @Test
        void everyHexDigitIsAccepted() {
            String hex = "0123456789abcdef".repeat(4);
            assertThat(new ArtifactRef(hex, 0).sha256()).isEqualTo(hex);
        }

        @Test
        void aNegativeSizeIsRefusedNamingTheArtifact() {
            assertThatThrownBy(() -> new ArtifactRef(ABC, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("size must be zero or more bytes but was -1 (artifact sha256:" + ABC + ")");
        }

        @Test
        void nullIsRefusedNamingTheArgument() {
            assertThatThrownBy(() -> new ArtifactRef(null, 0)).isInstanceOf(NullPointerException.class)
                    .hasMessage("sha256");
            assertThatThrownBy(() -> ArtifactRef.parseHash(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("text");
        }
    }

    @Test
    void gcResultRefusesNegativeCounts() {
        assertThat(new GcResult(0, 0, 0, 0).deleted()).isZero();
        assertThatThrownBy(() -> new GcResult(0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts must be zero or more but were deleted=0, bytesFreed=0, kept=0,"
                        + " tempFilesDeleted=-1");
        assertThatThrownBy(() -> new GcResult(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GcResult(0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GcResult(0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
