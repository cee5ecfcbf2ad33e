package dev.mlops.spark;

import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.FailingRow;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowCounts;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What one partition of a Dataset yields to a check run: its row count, the fingerprint of its
 * rows ({@link DatasetFingerprint}, merged across partitions), and for each row check run on the
 * executors its counts and first failing rows, numbered from the partition's first row. Made on an
 * executor, read on the driver.
 */
final class PartitionCounts implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int partition;
    private final long rows;
    private final DatasetFingerprint fingerprint;
    private final long[] judged;
    private final long[] failing;
    private final int[][] sampleRows;
    private final String[][] sampleValues;

    private PartitionCounts(int partition, long rows, DatasetFingerprint fingerprint, List<RowCounts> counts) {
        this.partition = partition;
        this.rows = rows;
        this.fingerprint = fingerprint;
        int checks = counts.size();
        judged = new long[checks];
        failing = new long[checks];
        sampleRows = new int[checks][];
        sampleValues = new String[checks][];
        for (int i = 0; i < checks; i++) {
            RowCounts count = counts.get(i);
            judged[i] = count.judged();
            failing[i] = count.failing();
            sampleRows[i] = count.sample().stream().mapToInt(FailingRow::row).toArray();
            sampleValues[i] = count.sample().stream().map(FailingRow::value).toArray(String[]::new);
        }
    }

    /**
     * Counts a partition, on an executor.
     *
     * @param partition the partition's index
     * @param tables its rows as tables, in order
     * @param suiteJson the suite of the row checks to count, as JSON ({@link CheckSuite#toJson()}),
     *     rebuilt here with the default component registry
     * @param sampleSize how many failing rows each check keeps
     * @return the partition's counts
     */
    static PartitionCounts count(int partition, Iterator<Table> tables, String suiteJson, int sampleSize) {
        List<RowCheck> checks = new ArrayList<>();
        CheckSuite.fromJson(suiteJson).checks().forEach(check -> checks.add((RowCheck) check));
        List<RowCounts> counts = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            counts.add(new RowCounts(0, 0, 0, List.of()));
        }
        DatasetFingerprint fingerprint = new DatasetFingerprint();
        long rows = 0;
        while (tables.hasNext()) {
            Table chunk = tables.next();
            fingerprint.add(chunk);
            for (int i = 0; i < checks.size(); i++) {
                RowCounts part = RowCounts.of(checks.get(i).bind(chunk), chunk.rowCount(), sampleSize);
                counts.set(i, counts.get(i).followedBy(part, sampleSize));
            }
            rows += chunk.rowCount();
        }
        return new PartitionCounts(partition, rows, fingerprint, counts);
    }

    int partition() {
        return partition;
    }

    long rows() {
        return rows;
    }

    DatasetFingerprint fingerprint() {
        return fingerprint;
    }

    /**
     * @param check the index of a counted check
     * @return its counts in this partition, the sample numbered from the partition's first row
     */
    RowCounts counts(int check) {
        List<FailingRow> sample = new ArrayList<>(sampleRows[check].length);
        for (int i = 0; i < sampleRows[check].length; i++) {
            sample.add(new FailingRow(sampleRows[check][i], sampleValues[check][i]));
        }
        return new RowCounts(rows, judged[check], failing[check], sample);
    }
}
