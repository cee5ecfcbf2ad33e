package dev.mlops.examples.plugin;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.testkit.CheckContract;

/** The user's check honours the {@link Check} contract, as any built-in one does. */
class WholeNumberCheckContractTest extends CheckContract {

    @Override
    protected Check check() {
        return new WholeNumberCheck("age", Severity.ERROR);
    }

    @Override
    protected Table passingTable() {
        return Table.builder().numeric("age", 19, 67, 35).categorical("city", "München", "Köln", "São Paulo").build();
    }

    @Override
    protected Table failingTable() {
        return Table.builder().numeric("age", 19, 33.5, 35).categorical("city", "München", "Köln", "Bonn").build();
    }
}
