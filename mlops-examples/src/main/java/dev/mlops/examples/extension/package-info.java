/**
 * The extension model, as a credit team uses it: its own
 * {@link dev.mlops.train.experiment.Experiment} ({@link dev.mlops.examples.extension.NearestNeighbours}),
 * {@link dev.mlops.monitor.drift.DriftDetector} ({@link dev.mlops.examples.extension.EnergyDistanceDetector})
 * and {@link dev.mlops.data.check.Check} ({@link dev.mlops.examples.extension.InstalmentCheck}).
 * Each is a component: a type name and a settings record that round-trip through JSON and a spec
 * string, and a {@link dev.mlops.core.component.ComponentType} listed in
 * {@code META-INF/services/dev.mlops.core.component.ComponentType}, so that
 * {@link dev.mlops.core.component.ComponentRegistry#defaults()} finds it on the class path and the
 * {@code mlops} command finds it in a jar under {@code --plugins DIR}
 * ({@link dev.mlops.examples.extension.PluginJar} packs one). Each passes the contract test of its
 * kind from mlops-testkit, as the built-in ones do. {@link dev.mlops.examples.extension.ExtensionPoints}
 * plugs all three into the library on credit-g.
 */
@NullMarked
package dev.mlops.examples.extension;

import org.jspecify.annotations.NullMarked;
