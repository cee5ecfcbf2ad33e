package dev.mlops.data.io;

/**
 * The readers' number syntax, {@link dev.mlops.data.internal.NumberSyntax}, under its old name in
 * this package: the readers and {@code NumberSyntaxTest} use it here. One instance per column:
 * not thread-safe.
 */
final class NumberSyntax extends dev.mlops.data.internal.NumberSyntax {
}
