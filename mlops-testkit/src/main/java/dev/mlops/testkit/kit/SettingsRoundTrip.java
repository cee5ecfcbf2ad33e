package dev.mlops.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mlops.core.component.Component;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.json.Documents;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A piece of a contract kit: a component is a first-class one. Its type is registered (found by
 * {@link java.util.ServiceLoader} through {@link #registry()}), its settings are the record its
 * type reads, and the component rebuilt from its spec string or from its JSON form is equal to
 * it, has an equal spec and hash code, and behaves the same on the contract's input.
 *
 * @param <C> the component's kind, such as {@code Splitter}
 * @param <B> what the behaviour compared is, such as the split of a table
 */
public interface SettingsRoundTrip<C extends Component, B> {

    /** @return the component under test */
    C component();

    /** @return the interface the component is looked up by, such as {@code Splitter.class} */
    Class<C> kind();

    /** @return the registry that must know the component's type; {@link ComponentRegistry#defaults()} by default */
    default ComponentRegistry registry() {
        return ComponentRegistry.defaults();
    }

    /**
     * Runs the component on the contract's input.
     *
     * @param component the component or its rebuilt twin
     * @return what it gives, compared with {@link Object#equals}
     */
    B behaviour(C component);

    /**
     * Describes how the behaviour of the rebuilt component differs, for a failure message: the
     * first differing row or item rather than two opaque {@code toString}s. The default names both.
     *
     * @param expected what the component gives
     * @param actual what the rebuilt component gives, not equal to it
     * @return the first difference, in words
     */
    default String behaviourDifference(B expected, B actual) {
        return "expected " + expected + " but got " + actual;
    }

    /** The component's type is registered under its name. */
    @Test
    default void itsTypeIsRegistered() {
        C component = component();
        ComponentType<?, ?> type = registry().find(kind(), component.type()).orElse(null);
        if (type == null) {
            fail("no " + kind().getSimpleName() + " type '" + component.type() + "' is registered: list its"
                    + " ComponentType's class in META-INF/services/" + ComponentType.class.getName() + " of its jar");
        }
        assertThat(type.settingsType().isInstance(component.settings()))
                .as("the settings %s are a %s, the record type '%s' reads", component.settings().getClass().getName(),
                        type.settingsType().getName(), type.name())
                .isTrue();
    }

    /** The spec string rebuilds an equal component. */
    @Test
    default void itsSpecStringRebuildsAnEqualComponent() {
        C component = component();
        ComponentSpec spec = component.spec();
        C rebuilt = registry().create(kind(), spec.toString());
        assertEqualTwins(component, rebuilt, "from the spec string " + spec);
    }

    /** The JSON form rebuilds an equal component. */
    @Test
    default void itsJsonRebuildsAnEqualComponent() {
        C component = component();
        String json = Documents.write(component.spec().toJson());
        C rebuilt = registry().read(kind(), Documents.parse(json, "the component's JSON"));
        assertEqualTwins(component, rebuilt, "from the JSON " + json);
    }

    /** The rebuilt component behaves as the original does. */
    @Test
    default void theRebuiltComponentBehavesTheSame() {
        C component = component();
        C rebuilt = registry().create(kind(), component.spec());
        B expected = behaviour(component);
        B actual = behaviour(rebuilt);
        if (!Objects.equals(expected, actual)) {
            fail("the component rebuilt from " + component.spec() + " behaves differently: "
                    + behaviourDifference(expected, actual));
        }
    }

    private void assertEqualTwins(C component, C rebuilt, String how) {
        assertThat(rebuilt).as("the component rebuilt %s", how).isEqualTo(component);
        assertThat(rebuilt.hashCode()).as("the hash code of the component rebuilt %s", how)
                .isEqualTo(component.hashCode());
        assertThat(rebuilt.spec()).as("the spec of the component rebuilt %s", how).isEqualTo(component.spec());
    }
}
