package dev.mlops.core.component;

/**
 * A pluggable implementation (a splitter, a label aggregator, a data check, a table format...):
 * a type name and typed settings from which its {@link ComponentType} rebuilds an equal
 * instance.
 *
 * <p>The contract, which the settings round-trip piece of every contract kit in mlops-testkit
 * checks: {@link #settings()} is a record whose JSON form (the shared mapper's) the type reads
 * back; {@code registry.create(kind, component.spec())} and
 * {@code registry.create(kind, component.spec().toString())} return a component equal to this
 * one, which behaves the same; {@link #type()} is the name its {@link ComponentType} is
 * registered under. Components are immutable and thread-safe.
 */
public interface Component {

    /** @return the type name its {@link ComponentType} is registered under, such as {@code "stratified"} */
    String type();

    /**
     * @return the settings that rebuild this component, a record of JSON-friendly values (text,
     *     numbers, booleans, enums, {@code java.time} values, lists, nested records); a
     *     component without settings returns an empty record
     */
    Record settings();

    /** @return the type and settings, to save in an artifact or print as a spec string */
    default ComponentSpec spec() {
        return ComponentSpec.of(this);
    }
}
