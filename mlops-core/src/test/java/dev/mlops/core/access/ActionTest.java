package dev.mlops.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionTest {

    @ParameterizedTest
    @ValueSource(strings = {"registry.promote", "read", "features.read-online", "a1.b_2.c"})
    void validNames(String name) {
        Action action = Action.of(name);
        assertThat(action.name()).isEqualTo(name);
        assertThat(action).hasToString(name).isEqualTo(new Action(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Registry.promote", "registry.", ".promote", "registry..promote", "registry.*",
        "1st", "registry promote", "registry.Promote", "x.9"})
    void invalidNamesAreRefusedNamingThem(String name) {
        assertThatThrownBy(() -> Action.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("action name must be dot-separated segments of lower-case letters, digits, '-' and '_',"
                        + " each starting with a letter, such as 'registry.promote', but was '" + name + "'");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> Action.of(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
