/**
 * Components: every pluggable implementation of mlops-java, built in or a user's, is named,
 * configured, saved and rebuilt the same way.
 *
 * <p>A {@link dev.mlops.core.component.Component} (a splitter, a label aggregator, a data check,
 * a table format, and later an experiment, a drift detector, a deployment strategy) has a type
 * name and typed settings, a Java record. Its {@link dev.mlops.core.component.ComponentSpec}
 * writes them as a short spec string ({@code stratified(label=class, seed=42)}, in the manner of
 * Caffeine's {@code CaffeineSpec}) or as a JSON object, and a
 * {@link dev.mlops.core.component.ComponentRegistry} rebuilds an equal component from either
 * through the component's {@link dev.mlops.core.component.ComponentType}. Registries find the
 * types with {@link java.util.ServiceLoader}, so a user's jar adds its own by listing them in
 * {@code META-INF/services/dev.mlops.core.component.ComponentType}, with no change to
 * mlops-java. Every artifact records the specs of the components that made it.
 */
@NullMarked
package dev.mlops.core.component;

import org.jspecify.annotations.NullMarked;
