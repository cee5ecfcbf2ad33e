/**
 * Test support for mlops-java and for code that extends it: AssertJ assertions on data, JUnit 5
 * support for stored check suites, and contract tests, abstract JUnit 5 classes that any
 * implementation of an mlops-java interface, built-in or a user's, extends to prove that it
 * honours the interface's contract.
 *
 * <p>{@link dev.mlops.testkit.DataAssertions} is the entry point of the assertions on a
 * {@link dev.mlops.core.table.Table} and its columns, a {@link dev.mlops.data.check.CheckReport}
 * and a {@link dev.mlops.data.check.CheckResult}
 * ({@code assertThat(table).column("age").hasNoMissing().isBetween(18, 100)},
 * {@code assertThat(report).passes()}); they run the built-in checks of
 * {@code dev.mlops.data.check}, fail with "no data" rather than pass on an empty table, and show
 * the failing rows in the message. {@link dev.mlops.testkit.DataSuites} runs a stored suite
 * against a CSV or JSON Lines file, as one assertion or one dynamic test per check.
 * {@link dev.mlops.testkit.CheckContract} checks a {@link dev.mlops.data.check.Check}: no
 * exception for missing columns, wrong types or empty tables, no pass on an empty table, results
 * that name the check, determinism and thread-safety.
 *
 * <p>{@link dev.mlops.testkit.TableFormatContract} checks a
 * {@link dev.mlops.data.io.TableFormat}: round trips with a given schema and with inferred
 * types, seeded sweeps of random tables, atomic file writes, errors that name the physical line,
 * and streams left open for their owner. {@link dev.mlops.testkit.LabelAggregatorContract}
 * checks a {@link dev.mlops.data.label.LabelAggregator}: one consolidated label per item from
 * the labels given, confidence and agreement in [0, 1], determinism, independence from the
 * order of the annotations, and reasons for unresolved items.
 * {@link dev.mlops.testkit.SplitterContract} checks a {@link dev.mlops.data.split.Splitter}:
 * determinism for a seed, sets that are disjoint and cover every row, and every guarantee the
 * split reports (set sizes, class counts, whole groups, time order). Contract tests draw their random cases from fixed
 * seeds, so a failure names the seed that reproduces it.
 */
@NullMarked
package dev.mlops.testkit;

import org.jspecify.annotations.NullMarked;
