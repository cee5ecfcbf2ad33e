package dev.mlops.monitor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.json.Json;
import org.junit.jupiter.api.Test;

class CaptureStageTest {

    @Test
    void namedStagesHaveStableNames() {
        assertThat(CaptureStage.BEFORE_PREPROCESSING.name()).isEqualTo("before-preprocessing");
        assertThat(CaptureStage.AFTER_ENRICHMENT.name()).isEqualTo("after-enrichment");
        assertThat(CaptureStage.AFTER_MODEL.name()).isEqualTo("after-model");
        assertThat(CaptureStage.BEFORE_LOSSY_STEP.name()).isEqualTo("before-lossy-step");
        assertThat(CaptureStage.afterModelStage("Ranker").name()).isEqualTo("after-model:Ranker");
    }

    @Test
    void freeNamesAreEqualByName() {
        assertThat(CaptureStage.of("after-enrichment")).isEqualTo(CaptureStage.AFTER_ENRICHMENT);
        assertThat(CaptureStage.of("my stage")).hasToString("my stage");
    }

    @Test
    void writesAsAPlainStringAndReadsBack() throws Exception {
        assertThat(Json.writer().writeValueAsString(CaptureStage.AFTER_MODEL))
                .isEqualTo("\"after-model\"");
        assertThat(Json.reader().forType(CaptureStage.class).<CaptureStage>readValue("\"x\""))
                .isEqualTo(CaptureStage.of("x"));
    }

    @Test
    void blankOrLongNamesAreRefused() {
        assertThatThrownBy(() -> CaptureStage.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stage name must be non-blank and at most 200 characters but was \" \"");
        assertThatThrownBy(() -> CaptureStage.of("x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 200 characters");
        assertThat(CaptureStage.of("x".repeat(200)).name()).hasSize(200);
        assertThatThrownBy(() -> CaptureStage.afterModelStage(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("modelStage must be non-blank but was \"\"");
    }
}
