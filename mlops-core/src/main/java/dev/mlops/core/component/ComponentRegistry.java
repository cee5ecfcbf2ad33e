package dev.mlops.core.component;

import dev.mlops.core.internal.NearestName;
import dev.mlops.core.json.DocumentReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds {@link ComponentType}s and builds components from their specs.
 *
 * <pre>{@code
 * ComponentRegistry registry = ComponentRegistry.defaults();
 * Splitter splitter = registry.create(Splitter.class, "stratified(label=class, seed=42)");
 * Splitter same = registry.create(Splitter.class, splitter.spec());   // equal to splitter
 * }</pre>
 *
 * <p>{@link #defaults()} holds every type that {@link ServiceLoader} finds on the class path
 * (the built-in ones and those of a user's jar); {@link #load(ClassLoader)} those a given class
 * loader sees, such as one over a plugin directory's jars. Lookups match a type by name among
 * the types whose kind is the requested interface or a subtype of it. Immutable and thread-safe.
 */
public final class ComponentRegistry {
    private final List<ComponentType<?, ?>> types;

    private ComponentRegistry(List<ComponentType<?, ?>> types) {
        List<ComponentType<?, ?>> sorted = new ArrayList<>(types);
        sorted.sort(Comparator.<ComponentType<?, ?>, String>comparing(type -> type.kind().getName())
                .thenComparing(ComponentType::name));
        for (int i = 1; i < sorted.size(); i++) {
            ComponentType<?, ?> previous = sorted.get(i - 1);
            ComponentType<?, ?> type = sorted.get(i);
            if (previous.kind().equals(type.kind()) && previous.name().equals(type.name())) {
                throw new ComponentException("two component types are registered as " + type + ": "
                        + previous.getClass().getName() + " and " + type.getClass().getName()
                        + "; rename one or remove one jar");
            }
        }
        this.types = Collections.unmodifiableList(sorted);
    }

    /** Loaded once, on first use, from the class loader of mlops-core. */
    private static final class Defaults {
        static final ComponentRegistry INSTANCE = load(ComponentRegistry.class.getClassLoader());
    }

    /**
     * @return the types on the class path: the built-in ones and every jar's that lists its types
     *     in {@code META-INF/services/dev.mlops.core.component.ComponentType}
     * @throws ComponentException if a listed type cannot be loaded or two share a name
     */
    public static ComponentRegistry defaults() {
        return Defaults.INSTANCE;
    }

    /**
     * @param loader the class loader to search, such as one over a plugin directory's jars
     *     whose parent sees mlops-java
     * @return the types it sees
     * @throws ComponentException if a listed type cannot be loaded or two share a name; the
     *     message names the class
     */
    @SuppressWarnings("rawtypes")
    public static ComponentRegistry load(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<ComponentType<?, ?>> found = new ArrayList<>();
        try {
            for (ComponentType type : ServiceLoader.load(ComponentType.class, loader)) {
                found.add(type);
            }
        } catch (ServiceConfigurationError e) {
            throw new ComponentException("a component type listed in META-INF/services/"
                    + ComponentType.class.getName() + " cannot be loaded: " + e.getMessage(), e);
        }
        return new ComponentRegistry(found);
    }

    /**
     * @param types the types, such as a test's own
     * @return a registry of exactly these types
     * @throws ComponentException if two share a kind and name
     */
    public static ComponentRegistry of(List<? extends ComponentType<?, ?>> types) {
        return new ComponentRegistry(List.copyOf(types));
    }

    /**
     * @param more types to add
     * @return a registry of this one's types and these
     * @throws ComponentException if two share a kind and name
     */
    public ComponentRegistry with(List<? extends ComponentType<?, ?>> more) {
        List<ComponentType<?, ?>> all = new ArrayList<>(types);
        all.addAll(more);
        return new ComponentRegistry(all);
    }

    /**
     * @param kind an interface, such as {@code Splitter.class}
     * @return the types whose components implement it, sorted by name, unmodifiable
     */
    public List<ComponentType<?, ?>> types(Class<? extends Component> kind) {
        Objects.requireNonNull(kind, "kind");
        List<ComponentType<?, ?>> matching = new ArrayList<>();
        for (ComponentType<?, ?> type : types) {
            if (kind.isAssignableFrom(type.kind())) {
                matching.add(type);
            }
        }
        matching.sort(Comparator.comparing(ComponentType::name));
        return Collections.unmodifiableList(matching);
    }

    /** @return every type, sorted by kind and name, unmodifiable */
    public List<ComponentType<?, ?>> types() {
        return types;
    }

    /**
     * @param kind an interface, such as {@code Splitter.class}
     * @param name a type name
     * @return the type of that kind and name, if there is one
     */
    public Optional<ComponentType<?, ?>> find(Class<? extends Component> kind, String name) {
        Objects.requireNonNull(name, "name");
        return types(kind).stream().filter(type -> type.name().equals(name)).findFirst();
    }

    /**
     * Builds a component from a spec string.
     *
     * @param <C> the kind
     * @param kind the interface, such as {@code Splitter.class}
     * @param spec a spec string, such as {@code stratified(label=class, seed=42)}
     * @return the component
     * @throws ComponentException if the spec does not parse, names no known type of that kind, or
     *     has settings the type refuses; the message names the spec and the setting
     */
    public <C extends Component> C create(Class<C> kind, String spec) {
        return create(kind, ComponentSpec.parse(spec), "spec '" + spec + "'");
    }

    /**
     * Builds a component from a spec, such as one an artifact recorded.
     *
     * @param <C> the kind
     * @param kind the interface, such as {@code Splitter.class}
     * @param spec the type and settings
     * @return the component
     * @throws ComponentException if the type is unknown or refuses the settings
     */
    public <C extends Component> C create(Class<C> kind, ComponentSpec spec) {
        return create(kind, spec, "spec '" + spec + "'");
    }

    /**
     * Builds a component from the flat JSON object of a document, such as a check in a suite.
     * Every field of the object is taken as a setting.
     *
     * @param <C> the kind
     * @param kind the interface, such as {@code Check.class}
     * @param object the object: {@code type} and the settings beside it
     * @return the component
     * @throws ComponentException if the type is unknown or refuses the settings; the message names
     *     the document and the object's path
     */
    public <C extends Component> C read(Class<C> kind, DocumentReader object) {
        String where = object.source() + (object.path().isEmpty() ? "" : ": " + object.path());
        return create(kind, ComponentSpec.read(object), where);
    }

    private <C extends Component> C create(Class<C> kind, ComponentSpec spec, String where) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(spec, "spec");
        ComponentType<?, ?> type = find(kind, spec.type()).orElseThrow(() -> unknown(kind, spec.type(), where));
        return kind.cast(build(type, spec, where));
    }

    private static <S extends Record> Component build(ComponentType<?, S> type, ComponentSpec spec, String where) {
        S settings = SettingsReader.read(type, spec.settings(), where);
        Component component;
        try {
            component = type.create(settings);
        } catch (IllegalArgumentException e) {
            throw new ComponentException(where + ": " + type + " refuses its settings: " + e.getMessage(), e);
        }
        if (component == null) {
            throw new ComponentException(where + ": " + type + " (" + type.getClass().getName() + ") returned null");
        }
        return component;
    }

    private ComponentException unknown(Class<? extends Component> kind, String name, String where) {
        List<String> names = new ArrayList<>();
        for (ComponentType<?, ?> type : types(kind)) {
            names.add(type.name());
        }
        return new ComponentException(where + ": unknown " + kind.getSimpleName() + " type '" + name + "'"
                + NearestName.hint(name, names) + " (known types: "
                + (names.isEmpty() ? "none" : String.join(", ", names))
                + "; a plugin's types are found when its jar is on the class path or in --plugins DIR)");
    }
}
