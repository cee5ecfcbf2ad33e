package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitException;
import dev.mlops.data.split.Splitter;
import dev.mlops.data.split.Splitters;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The splitter contract's pieces catch broken splitters: each case wraps the random splitter,
 * breaks one rule, and the piece must fail with a message that says what broke and where.
 */
class SplitterContractSelfTest {

    /** The random splitter of the given seed, its split passed through a change that may look at the table. */
    private static Splitter broken(long seed, Function<Table, Split> split) {
        Splitter random = Splitters.random(SizePolicy.guide(), seed);
        return new Splitter() {
            @Override
            public String type() {
                return random.type();
            }

            @Override
            public Record settings() {
                return random.settings();
            }

            @Override
            public Split split(Table table) {
                return split.apply(table);
            }
        };
    }

    private static SplitterContract contract(Function<Long, Splitter> splitter) {
        return new SplitterContract() {
            @Override
            protected Splitter splitter(long seed) {
                return splitter.apply(seed);
            }
        };
    }

    /**
     * A splitter that draws a new seed on every call (counted across every splitter that shares
     * the counter) but records its own spec, so that only the rows of its sets tell two splits apart.
     */
    private static Splitter nondeterministic(long seed, AtomicLong calls) {
        Splitter[] self = new Splitter[1];
        self[0] = broken(seed, table -> {
            Split drawn = Splitters.random(SizePolicy.guide(), seed + calls.incrementAndGet()).split(table);
            Split.Builder builder = Split.builder(self[0], drawn.sets(), drawn.fingerprint(), drawn.rowCount())
                    .report(drawn.report()).excluded(drawn.excludedRows());
            for (String set : drawn.setNames()) {
                builder.set(set, drawn.rows(set));
            }
            return builder.build();
        });
        return self[0];
    }

    @Test
    void aNondeterministicSplitterFailsNamingTheSetAndItsFirstDifferingRow() {
        AtomicLong calls = new AtomicLong();
        SplitterContract contract = contract(seed -> nondeterministic(seed, calls));

        assertThatThrownBy(() -> contract.new Determinism().oneInstanceGivesEqualResults())
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("two runs of one instance on the same input differ: set 'train' differs first"
                        + " at its element \\d+: row \\d+ vs row \\d+")
                .hasMessageNotContaining("Split@");
        assertThatThrownBy(() -> contract.new Determinism().twoInstancesMadeAlikeGiveEqualResults())
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("two instances made alike differ on the same input: set 'train' differs first"
                        + " at its element \\d+: row \\d+ vs row \\d+");
    }

    @Test
    void aSplitterThatFailsOnAnEmptyTableWithAnotherExceptionFails() {
        SplitterContract contract = contract(seed -> broken(seed, table -> {
            int[] rows = new int[table.rowCount()];
            return Splitters.random(SizePolicy.guide(), seed).split(table.rows(new int[] {rows[0]}));
        }));

        assertThatThrownBy(() -> contract.new Empty().emptyInputIsRefusedClearlyOrGivesAValidResult())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("empty input must be refused with a SplitException or give a valid result,"
                        + " but failed with java.lang.ArrayIndexOutOfBoundsException");
    }

    @Test
    void aSweepWhoseEveryCaseIsRefusedFailsItsCoverageTest() throws Throwable {
        SplitterContract contract = contract(seed -> broken(seed, table -> {
            throw new SplitException("refused: every table is too small for this splitter");
        }));
        List<DynamicTest> tests = contract.sweepOfRandomSizes().toList();

        for (DynamicTest test : tests.subList(0, tests.size() - 1)) {
            test.getExecutable().execute();
        }
        DynamicTest coverage = tests.get(tests.size() - 1);
        Executable check = coverage.getExecutable();
        assertThat(coverage.getDisplayName()).isEqualTo("at least 12 of 24 cases exercised the guarantee");
        assertThatThrownBy(check::execute).isInstanceOf(AssertionError.class)
                .hasMessageContaining("cases of the sweep that exercised the guarantee rather than being refused (of 24)")
                .hasMessageContaining("0");
    }

    @Test
    void theRandomSplitterPassesThePieces() throws Exception {
        SplitterContract contract = contract(seed -> Splitters.random(SizePolicy.guide(), seed));

        contract.new Determinism().oneInstanceGivesEqualResults();
        contract.new Determinism().twoInstancesMadeAlikeGiveEqualResults();
        contract.new ThreadSafety().oneInstanceFromEightThreadsAtOnce();
        contract.new Empty().emptyInputIsRefusedClearlyOrGivesAValidResult();
        contract.new Settings().theRebuiltComponentBehavesTheSame();
    }
}
