/**
 * The {@code mlops} command line program over the library, for people who live in a shell and
 * for CI jobs: {@link dev.mlops.cli.MlopsCommand} is its entry point and top-level command.
 *
 * <p>Results go to stdout (as text, or as JSON with {@code --json}), logs and errors to stderr,
 * both UTF-8. The exit status is {@value dev.mlops.cli.MlopsCommand#EXIT_OK} when all is well,
 * {@value dev.mlops.cli.MlopsCommand#EXIT_CHECK_FAILED} when a check or gate fails,
 * {@value dev.mlops.cli.MlopsCommand#EXIT_BAD_INPUT} for bad input or usage, and
 * {@value dev.mlops.cli.MlopsCommand#EXIT_INTERNAL_ERROR} for a bug in mlops itself. An error is
 * one line on stderr; {@code --verbose} adds its stack trace and debug logs.
 *
 * <p>This is the one package of mlops-java that writes to the standard streams.
 */
@NullMarked
package dev.mlops.cli;

import org.jspecify.annotations.NullMarked;
