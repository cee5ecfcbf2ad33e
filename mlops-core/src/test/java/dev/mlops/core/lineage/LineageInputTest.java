package dev.mlops.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LineageInputTest {
    private static final Fingerprint HASH = new Fingerprint("ab".repeat(32));
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void aVersionedInputHasOnlyWhatItWasGiven() {
        LineageInput input = LineageInput.of("credit-split", "split", "v3");
        assertThat(input.name()).isEqualTo("credit-split");
        assertThat(input.kind()).isEqualTo("split");
        assertThat(input.version()).contains("v3");
        assertThat(input.fingerprint()).isEmpty();
        assertThat(input.from()).isEmpty();
        assertThat(input.until()).isEmpty();
        assertThat(input).hasToString("split credit-split version v3");
    }

    @Test
    void aTableIsPinnedByTheFingerprintOfItsContent() {
        Table table = Table.builder().numeric("x", 1.0, 2.0).build();
        LineageInput input = LineageInput.table("x.csv", table);
        assertThat(input.kind()).isEqualTo("table");
        assertThat(input.fingerprint()).contains(Fingerprint.of(table));
        assertThat(input.version()).isEmpty();
    }

    @Test
    void copiesAddAFingerprintAVersionAndAWindow() {
        LineageInput input = LineageInput.fingerprinted("features", "feature-group", HASH).withVersion("4")
                .between(FROM, UNTIL);
        assertThat(input.fingerprint()).contains(HASH);
        assertThat(input.version()).contains("4");
        assertThat(input.from()).contains(FROM);
        assertThat(input.until()).contains(UNTIL);
        assertThat(input).hasToString("feature-group features version 4 sha256:" + HASH.sha256() + " [" + FROM + ", "
                + UNTIL + ")");
        assertThat(LineageInput.of("a", "table", "1").withFingerprint(HASH))
                .isEqualTo(LineageInput.fingerprinted("a", "table", HASH).withVersion("1"));
    }

    @Test
    void restoreRebuildsAnEqualInput() {
        LineageInput input = LineageInput.of("features", "feature-group", "4").withFingerprint(HASH).between(FROM, UNTIL);
        assertThat(LineageInput.restore("features", "feature-group", "4", HASH, FROM, UNTIL))
                .isEqualTo(input).hasSameHashCodeAs(input);
        assertThat(LineageInput.restore("t", "table", null, HASH, null, null))
                .isEqualTo(LineageInput.fingerprinted("t", "table", HASH));
    }

    @Test
    void equalityLooksAtEveryField() {
        LineageInput base = LineageInput.of("a", "table", "1");
        assertThat(base).isEqualTo(LineageInput.of("a", "table", "1"))
                .isNotEqualTo(LineageInput.of("b", "table", "1"))
                .isNotEqualTo(LineageInput.of("a", "split", "1"))
                .isNotEqualTo(LineageInput.of("a", "table", "2"))
                .isNotEqualTo(base.withFingerprint(HASH))
                .isNotEqualTo(base.between(FROM, UNTIL))
                .isNotEqualTo(base.between(FROM, FROM))
                .isNotEqualTo("a");
    }

    @Nested
    class BadInput {
        @Test
        void blankNamesAndVersionsAreRefused() {
            assertThatThrownBy(() -> LineageInput.of(" ", "table", "1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("an input's name must not be blank");
            assertThatThrownBy(() -> LineageInput.of("a", "table", ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("an input's version must not be blank");
        }

        @Test
        void aMalformedKindIsRefusedWithTheRule() {
            for (String kind : new String[] {"Table", "1table", "", "feature_group", "a".repeat(41)}) {
                assertThatThrownBy(() -> LineageInput.of("a", kind, "1"))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("an input's kind must be lower-case letters, digits and -, starting with a letter, "
                                + "at most 40 characters, but was '" + kind + "'");
            }
            assertThat(LineageInput.of("a", "a".repeat(40), "1").kind()).hasSize(40);
        }

        @Test
        void aWindowEndingBeforeItStartsIsRefused() {
            assertThatThrownBy(() -> LineageInput.of("a", "table", "1").between(UNTIL, FROM))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the window's end " + FROM + " is before its start " + UNTIL + " (input 'a')");
        }

        @Test
        void restoreRefusesAnInputPinnedByNothingOrHalfAWindow() {
            assertThatThrownBy(() -> LineageInput.restore("a", "table", null, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input 'a' has neither a version nor a fingerprint");
            assertThatThrownBy(() -> LineageInput.restore("a", "table", "1", null, FROM, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("input 'a' has only one bound of its window");
            assertThatThrownBy(() -> LineageInput.restore("a", "table", "1", null, null, UNTIL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("input 'a' has only one bound of its window");
        }
    }
}
