package dev.mlops.testkit;

import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitter;
import dev.mlops.data.split.Splitters;

/** Runs the {@link SplitterContract} against {@link Splitters#grouped} over train/test 80/20. */
class GroupedSplitterContractTest extends SplitterContract {

    @Override
    protected Splitter splitter(long seed) {
        return Splitters.grouped(SplitSets.trainTest(0.8, 0.2), GROUP, seed);
    }
}
