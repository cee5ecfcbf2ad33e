/**
 * Unit tests for data: declarative checks of a {@link dev.mlops.core.table.Table}, run together
 * as a {@link dev.mlops.data.check.CheckSuite} that returns a
 * {@link dev.mlops.data.check.CheckReport}.
 *
 * <p>The built-in checks ({@link dev.mlops.data.check.Checks}) cover the schema, completeness,
 * uniqueness and primary keys, value ranges, allowed values, cardinality, regular expressions,
 * any row predicate, and distributions against a reference profile. Each result carries its
 * verdict (passed, failed, no data), the measured value, the threshold, and for row checks the
 * number of failing rows and a bounded sample of them. Checks never throw for what they find;
 * a report enforces only when asked ({@link dev.mlops.data.check.CheckReport#requirePassed()}).
 * An empty table or an all-missing column is "no data", never a vacuous pass. Every check is a
 * {@link dev.mlops.core.component.Component}: each built-in one has a settings record and a
 * {@link dev.mlops.core.component.ComponentType} (its nested {@code Type}), so suites are plain
 * versioned JSON of component specs that people edit and diff, and a user's own check type is
 * saved in and loaded from a suite like a built-in one. A suite runs over a table read in pieces
 * ({@link dev.mlops.data.check.CheckSuite#run(dev.mlops.data.io.TableSource,
 * dev.mlops.data.check.CheckContext)}) with the whole table's report, each check on its
 * {@link dev.mlops.data.check.CheckRoute}.
 */
@NullMarked
package dev.mlops.data.check;

import org.jspecify.annotations.NullMarked;
