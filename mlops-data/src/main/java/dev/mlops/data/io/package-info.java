/**
 * Reading and writing {@link dev.mlops.core.table.Table}s: {@link dev.mlops.data.io.CsvFormat}
 * and {@link dev.mlops.data.io.JsonLinesFormat}, both behind the
 * {@link dev.mlops.data.io.TableFormat} interface, with type inference or a given schema, and
 * errors that name the input, the line and the column.
 */
@NullMarked
package dev.mlops.data.io;

import org.jspecify.annotations.NullMarked;
