/**
 * Helpers of mlops-core's own (name hints for error messages) whose shape may change between
 * releases; other modules and users reach them only through core's public API (the architecture
 * test forbids another module to import this package).
 */
@NullMarked
package dev.mlops.core.internal;

import org.jspecify.annotations.NullMarked;
