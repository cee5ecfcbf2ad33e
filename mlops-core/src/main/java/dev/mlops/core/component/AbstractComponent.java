package dev.mlops.core.component;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A base for components whose identity is their type and settings: it keeps both, computes the
 * {@link ComponentSpec} once, and makes {@code equals}, {@code hashCode} and {@code toString}
 * follow the spec, so that a component rebuilt by a {@link ComponentRegistry} equals the one it
 * was saved from. A record that implements {@link Component} needs no base: its own equality
 * already follows its components.
 *
 * <pre>{@code
 * final class EvenOddSplitter extends AbstractComponent<EvenOddSplitter.Settings> implements Splitter {
 *     EvenOddSplitter(Settings settings) {
 *         super("even-odd", settings);
 *     }
 *     ...
 * }
 * }</pre>
 *
 * @param <S> the settings record
 */
public abstract class AbstractComponent<S extends Record> implements Component {
    private final String type;
    private final S settings;
    private final ComponentSpec spec;

    /**
     * Keeps the type and settings.
     *
     * @param type the type name the component's {@link ComponentType} is registered under
     * @param settings the settings that rebuild the component
     * @throws ComponentException if the settings cannot be written as a JSON object
     */
    protected AbstractComponent(String type, S settings) {
        this.type = Objects.requireNonNull(type, "type");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.spec = new ComponentSpec(type, SettingsTree.of(settings));
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final S settings() {
        return settings;
    }

    /** @return the spec, computed once when the component was made */
    @Override
    public final ComponentSpec spec() {
        return spec;
    }

    /** @return true for a component of the same class with an equal spec */
    @Override
    public final boolean equals(@Nullable Object other) {
        return this == other || other != null && other.getClass() == getClass()
                && spec.equals(((AbstractComponent<?>) other).spec);
    }

    @Override
    public final int hashCode() {
        return spec.hashCode();
    }

    /** @return the spec string, such as {@code stratified(label=class, seed=42)} */
    @Override
    public String toString() {
        return spec.toString();
    }
}
