/**
 * Reusable pieces of contract kits, written once and mixed into every contract of mlops-testkit
 * (in the manner of Micrometer's {@code MeterRegistryCompatibilityKit}, which composes its kit
 * from {@code @Nested} classes implementing interfaces of default tests).
 *
 * <p>Each piece is an interface whose default methods are JUnit 5 tests and whose abstract
 * methods are hooks: {@link dev.mlops.testkit.kit.Deterministic} (the same input gives equal
 * results, from one instance and from two made alike), {@link dev.mlops.testkit.kit.ThreadSafe}
 * (one instance used from 8 threads at once gives the single-threaded result every time),
 * {@link dev.mlops.testkit.kit.EmptyInput} (an empty input is refused with the documented
 * exception or gives a valid result, never another failure) and
 * {@link dev.mlops.testkit.kit.SettingsRoundTrip} (a component rebuilt from its spec string or
 * its JSON is equal and behaves the same). {@link dev.mlops.testkit.kit.Sweep} runs seeded cases
 * as dynamic tests and then checks that most cases were exercised rather than refused, so a
 * refusal branch cannot make a sweep pass vacuously. A contract nests one class per piece and
 * points the hooks at its own abstract methods:
 * <pre>{@code
 * @Nested
 * class Determinism implements Deterministic<Splitter, Split> {
 *     public Splitter subject() { return splitter(42); }
 *     public Split run(Splitter splitter) { return splitter.split(table); }
 * }
 * }</pre>
 */
@NullMarked
package dev.mlops.testkit.kit;

import org.jspecify.annotations.NullMarked;
