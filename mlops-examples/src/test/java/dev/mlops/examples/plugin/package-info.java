/**
 * A user's own splitter, written as a team would write it outside mlops-java
 * ({@link dev.mlops.examples.plugin.HashSplitter}), with its settings record and its
 * {@link dev.mlops.core.component.ComponentType}, listed for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.mlops.core.component.ComponentType}. The tests beside it run
 * mlops-testkit's splitter contract on it, save and reproduce its split, and run it from the
 * {@code mlops} command with {@code --plugins}. The user's experiment, drift detector and check
 * are the example of {@code dev.mlops.examples.extension}.
 */
@NullMarked
package dev.mlops.examples.plugin;

import org.jspecify.annotations.NullMarked;
