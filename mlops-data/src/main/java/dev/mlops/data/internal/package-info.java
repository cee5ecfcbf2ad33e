/**
 * What mlops-data's packages share but do not offer to users (STYLE.md 2): the readers' number
 * and timestamp syntax, which {@code dev.mlops.data.io} reads cells with and
 * {@code dev.mlops.data.profile} classifies categorical values with; sorted-array look-ups; and
 * the task runner that profiles columns and counts keys on several cores. Not a public API: other
 * modules must not use it (an ArchUnit test holds them to that), and it may change in any release.
 */
@NullMarked
package dev.mlops.data.internal;

import org.jspecify.annotations.NullMarked;
