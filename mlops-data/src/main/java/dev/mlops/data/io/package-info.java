/**
 * Reading and writing {@link dev.mlops.core.table.Table}s: {@link dev.mlops.data.io.CsvFormat}
 * and {@link dev.mlops.data.io.JsonLinesFormat}, both behind the
 * {@link dev.mlops.data.io.TableFormat} interface and both components (types {@code csv} and
 * {@code jsonl}, rebuilt from their settings by a {@link dev.mlops.core.component.ComponentRegistry}),
 * with type inference or a given schema, and errors that name the input, the line and the
 * column. Files and streams compressed with gzip, zstd, bzip2 or xz ({@link dev.mlops.data.io.Compression})
 * read and write transparently: {@code CsvFormat.defaults().read(Path.of("rows.csv.gz"))}, with
 * errors and origins in the uncompressed text's lines and bytes. {@link dev.mlops.data.io.TableFormat#readBatch} reads a batch against expected types:
 * rows whose cells do not fit are set apart as {@link dev.mlops.data.io.CellProblem}s, and the
 * rows kept know their lines and bytes ({@link dev.mlops.data.io.RowOrigins}).
 * {@link dev.mlops.data.io.TableBuilder} is their type inference, public so that a user's format
 * infers and reports the same way.
 */
@NullMarked
package dev.mlops.data.io;

import org.jspecify.annotations.NullMarked;
