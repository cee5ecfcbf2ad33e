package dev.mlops.data.userchecks;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.RowRule;
import java.util.stream.IntStream;

/** Not row-local: a value above the table's mean fails, so it must see every row at once. */
public record AboveMean(String column) implements OneColumn {
    @Override
    public String type() {
        return "above-mean";
    }

    @Override
    public RowRule bind(Table table) {
        NumericColumn values = table.numericColumn(column);
        double mean = IntStream.range(0, values.size()).filter(row -> !values.isMissing(row))
                .mapToDouble(values::get).filter(Double::isFinite).average().orElse(0);
        return new RowRule() {
            @Override
            public boolean applies(int row) {
                return !values.isMissing(row) && Double.isFinite(values.get(row));
            }

            @Override
            public boolean passes(int row) {
                return values.get(row) <= mean;
            }

            @Override
            public String describe(int row) {
                return values.format(row);
            }
        };
    }
}
