/**
 * Text for people: {@link dev.mlops.core.text.ReadableText} formats the numbers, cell values and
 * names that reports, summaries and messages print, so every module writes them the same way
 * (six significant digits, long values cut with their length stated, control characters escaped).
 */
@NullMarked
package dev.mlops.core.text;

import org.jspecify.annotations.NullMarked;
