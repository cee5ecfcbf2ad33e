package dev.mlops.examples.extension;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.testkit.CheckContract;

/** The user's check honours the {@link Check} contract, as any built-in one does. */
class InstalmentCheckContractTest extends CheckContract {

    @Override
    protected Check check() {
        return new InstalmentCheck("credit_amount", "duration", 20, 2_500, 1.0, Severity.ERROR);
    }

    @Override
    protected Table passingTable() {
        return Table.builder()
                .numeric("credit_amount", 1169, 5951, 2096, 7882)
                .numeric("duration", 6, 48, 12, 42)
                .categorical("city", "München", "Köln", "São Paulo", "Bonn")
                .build();
    }

    @Override
    protected Table failingTable() {
        return Table.builder()
                .numeric("credit_amount", 1169, 18_000, 250, 7882, 900)
                .numeric("duration", 6, 4, 72, 42, 0)
                .categorical("city", "München", "Köln", "São Paulo", "Bonn", "Kiel")
                .build();
    }
}
