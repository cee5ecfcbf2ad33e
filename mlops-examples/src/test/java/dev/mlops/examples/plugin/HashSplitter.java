package dev.mlops.examples.plugin;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.GuaranteeReport;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitException;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;

/**
 * A user's splitter: a row goes to {@code test} when the hash of its group key (a customer id)
 * falls below the test share, else to {@code train}. Nothing is drawn at random, so a customer
 * stays in its set when new data arrives (the test set never leaks into a later train set), and
 * every group stays in one set. The hash is 64-bit FNV-1a over the key's UTF-8 text, as the
 * table prints it.
 *
 * @param group the group column, of any type
 * @param testShare the expected share of groups in {@code test}, in (0, 1)
 */
public record HashSplitter(String group, double testShare) implements Splitter {
    /** The type name the splitter is registered under. */
    public static final String TYPE = "hash";
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if the group is blank or the share outside (0, 1)
     */
    public HashSplitter {
        Objects.requireNonNull(group, "group");
        if (group.isBlank()) {
            throw new IllegalArgumentException("group must not be blank");
        }
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in (0, 1) but was " + testShare);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Settings settings() {
        return new Settings(group, testShare);
    }

    @Override
    public Split split(Table table) {
        Column keys = table.column(group);
        int rows = table.rowCount();
        int[] train = new int[rows];
        int[] test = new int[rows];
        int trainCount = 0;
        int testCount = 0;
        for (int row = 0; row < rows; row++) {
            if (keys.isMissing(row)) {
                throw new SplitException("row " + row + " has no value in the group column '" + group
                        + "'; a hash split needs a key for every row");
            }
            if (fraction(keys.format(row)) < testShare) {
                test[testCount++] = row;
            } else {
                train[trainCount++] = row;
            }
        }
        if (trainCount == 0 || testCount == 0) {
            throw new SplitException("all " + rows + " rows hash to '" + (testCount == 0 ? "train" : "test")
                    + "': the table has too few groups in '" + group + "' for a test share of " + testShare);
        }
        return Split.builder(this, SplitSets.trainTest(1 - testShare, testShare), Fingerprint.of(table), rows)
                .set("train", Arrays.copyOf(train, trainCount))
                .set("test", Arrays.copyOf(test, testCount))
                .report(GuaranteeReport.of(EnumSet.of(Guarantee.GROUPS_INTACT)))
                .build();
    }

    /** The key's 64-bit FNV-1a hash as a fraction in [0, 1). */
    static double fraction(String key) {
        long hash = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return (hash >>> 11) * 0x1.0p-53;
    }

    /**
     * The settings, as a spec string names them: {@code hash(group=customer, testShare=0.2)}.
     *
     * @param group the group column
     * @param testShare the expected share of groups in {@code test}
     */
    public record Settings(String group, double testShare) implements Guarantee.GroupColumn {
    }

    /** The splitter's type, listed in {@code META-INF/services/dev.mlops.core.component.ComponentType}. */
    public static final class Type extends ComponentType<Splitter, Settings> {
        /** Describes the type. */
        public Type() {
            super(Splitter.class, TYPE, Settings.class, "test when the hash of the group key is below the share");
        }

        @Override
        public Splitter create(Settings settings) {
            return new HashSplitter(settings.group(), settings.testShare());
        }
    }
}
