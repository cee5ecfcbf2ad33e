package dev.mlops.core.component;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds one type of {@link Component} from its typed settings, and is what a
 * {@link ComponentRegistry} finds with {@link java.util.ServiceLoader}.
 *
 * <p>A user's type is a small class with a public no-argument constructor, listed by its binary
 * name in {@code META-INF/services/dev.mlops.core.component.ComponentType} of the user's jar:
 * <pre>{@code
 * public final class EvenOddSplitterType extends ComponentType<Splitter, EvenOddSplitter.Settings> {
 *     public EvenOddSplitterType() {
 *         super(Splitter.class, "even-odd", EvenOddSplitter.Settings.class,
 *                 "even rows to train, odd rows to test");
 *     }
 *
 *     @Override
 *     public Splitter create(EvenOddSplitter.Settings settings) {
 *         return new EvenOddSplitter(settings);
 *     }
 * }
 * }</pre>
 * A setting the record's canonical constructor refuses (with an {@link IllegalArgumentException}
 * naming it) is reported by the registry with the spec or document it came from. Types are
 * immutable and thread-safe.
 *
 * @param <C> the interface the components implement, such as {@code Splitter}
 * @param <S> the settings record
 */
public abstract class ComponentType<C extends Component, S extends Record> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private final Class<C> kind;
    private final String name;
    private final Class<S> settingsType;
    private final String description;

    /**
     * Describes the type.
     *
     * @param kind the interface the components implement, such as {@code Splitter.class}
     * @param name the type name, a letter then letters, digits, {@code _}, {@code .} or {@code -},
     *     such as {@code "stratified"}; unique among the types of one kind
     * @param settingsType the settings record; none of its components may be named {@code type}
     * @param description one line for listings such as {@code mlops components}
     * @throws IllegalArgumentException if the name is malformed or a setting is named {@code type}
     */
    protected ComponentType(Class<C> kind, String name, Class<S> settingsType, String description) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.settingsType = Objects.requireNonNull(settingsType, "settingsType");
        this.description = Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a component type's name must be a letter followed by letters, digits,"
                    + " '_', '.' or '-' but was '" + name + "'");
        }
        if (settingNames().contains(ComponentSpec.TYPE)) {
            throw new IllegalArgumentException("settings " + settingsType.getName() + " of component type '" + name
                    + "' must not have a component named 'type', which names the component's type");
        }
    }

    /** @return the interface the components implement */
    public final Class<C> kind() {
        return kind;
    }

    /** @return the type name, such as {@code "stratified"} */
    public final String name() {
        return name;
    }

    /** @return the settings record's class */
    public final Class<S> settingsType() {
        return settingsType;
    }

    /** @return one line that says what the components do */
    public final String description() {
        return description;
    }

    /** @return the settings' names in the record's order, unmodifiable */
    public final List<String> settingNames() {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : settingsType.getRecordComponents()) {
            names.add(component.getName());
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * Builds a component.
     *
     * @param settings the settings, already checked by the record's constructor
     * @return a component whose {@link Component#settings()} equals {@code settings}
     * @throws IllegalArgumentException if the settings do not go together; the message names them
     */
    public abstract C create(S settings);

    /** @return the kind's simple name and the type name, such as {@code Splitter 'stratified'} */
    @Override
    public String toString() {
        return kind.getSimpleName() + " '" + name + "'";
    }
}
