package dev.mlops.testkit;

import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitter;
import dev.mlops.data.split.Splitters;

/** Runs the {@link SplitterContract} against {@link Splitters#temporal} without a gap. */
class TemporalSplitterContractTest extends SplitterContract {

    @Override
    protected Splitter splitter(long seed) {
        return Splitters.temporal(SplitSets.trainValidationTest(0.7, 0.15, 0.15), TIME);
    }
}
