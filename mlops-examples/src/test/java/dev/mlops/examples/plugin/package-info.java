/**
 * A user's own components, written as a team would write them outside mlops-java: a data check
 * ({@link dev.mlops.examples.plugin.WholeNumberCheck}) and a splitter
 * ({@link dev.mlops.examples.plugin.HashSplitter}), each with its settings record and its
 * {@link dev.mlops.core.component.ComponentType}, listed for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.mlops.core.component.ComponentType}. The tests beside them run
 * mlops-testkit's contracts on them, save them in a suite and a split, and run them from the
 * {@code mlops} command with {@code --plugins}.
 */
@NullMarked
package dev.mlops.examples.plugin;

import org.jspecify.annotations.NullMarked;
