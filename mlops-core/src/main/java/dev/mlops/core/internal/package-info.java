/**
 * What mlops-core shares with the other mlops-java modules but not with users: helpers whose
 * shape may change between releases. Nothing outside {@code dev.mlops} should import it.
 */
@NullMarked
package dev.mlops.core.internal;

import org.jspecify.annotations.NullMarked;
