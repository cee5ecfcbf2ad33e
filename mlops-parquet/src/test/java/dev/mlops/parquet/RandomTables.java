package dev.mlops.parquet;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random tables of the five types, with missing values and instants Parquet's microseconds hold. */
final class RandomTables {
    private static final String[] LEVELS = {"München", "São Paulo", "東京", "a, b", "", "NA", "x\ny", "😀"};

    private RandomTables() {
    }

    /** @return a table of one column of each type, the given rows, drawn from the seed */
    static Table table(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        double missing = random.nextDouble(0.3);
        NumericColumn.Builder numbers = NumericColumn.builder("number");
        CategoricalColumn.Builder categories = CategoricalColumn.builder("category");
        BooleanColumn.Builder booleans = BooleanColumn.builder("flag");
        TimestampColumn.Builder instants = TimestampColumn.builder("at");
        TextColumn.Builder texts = TextColumn.builder("text");
        for (int row = 0; row < rows; row++) {
            if (random.nextDouble() < missing) {
                numbers.addMissing();
            } else {
                numbers.add(random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian() * 1e6);
            }
            if (random.nextDouble() < missing) {
                categories.addMissing();
            } else {
                categories.add(LEVELS[random.nextInt(LEVELS.length)]);
            }
            if (random.nextDouble() < missing) {
                booleans.addMissing();
            } else {
                booleans.add(random.nextBoolean());
            }
            if (random.nextDouble() < missing) {
                instants.addMissing();
            } else {
                instants.add(Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                        random.nextInt(1_000_000) * 1_000L));
            }
            if (random.nextDouble() < missing) {
                texts.addMissing();
            } else {
                texts.add(Long.toString(random.nextLong(), 36) + LEVELS[random.nextInt(LEVELS.length)]);
            }
        }
        List<Column> columns = new ArrayList<>(List.of(numbers.build(), categories.build(), booleans.build(),
                instants.build(), texts.build()));
        return Table.of(columns);
    }
}
