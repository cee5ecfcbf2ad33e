package dev.mlops.core.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AbstractComponentTest {
    /** Settings of the test components. */
    record Size(long rows) {
    }

    /** A component on the base. */
    static final class Sampler extends AbstractComponent<Size> implements Component {
        Sampler(long rows) {
            super("sampler", new Size(rows));
        }
    }

    /** Another class with the same type name and settings. */
    static final class OtherSampler extends AbstractComponent<Size> implements Component {
        OtherSampler(long rows) {
            super("sampler", new Size(rows));
        }
    }

    @Test
    void keepsTypeSettingsAndSpec() {
        Sampler sampler = new Sampler(10);

        assertThat(sampler.type()).isEqualTo("sampler");
        assertThat(sampler.settings()).isEqualTo(new Size(10));
        assertThat(sampler.spec()).isEqualTo(ComponentSpec.parse("sampler(rows=10)")).isSameAs(sampler.spec());
        assertThat(sampler).hasToString("sampler(rows=10)");
    }

    @Test
    void equalityFollowsTheClassAndSpec() {
        Sampler sampler = new Sampler(10);

        assertThat(sampler).isEqualTo(sampler).isEqualTo(new Sampler(10)).hasSameHashCodeAs(new Sampler(10))
                .isNotEqualTo(new Sampler(11)).isNotEqualTo(new OtherSampler(10)).isNotEqualTo(null)
                .isNotEqualTo(sampler.spec());
        assertThat(List.of(new Sampler(1), new Sampler(2)).stream().map(Object::hashCode).distinct()).hasSize(2);
    }
}
