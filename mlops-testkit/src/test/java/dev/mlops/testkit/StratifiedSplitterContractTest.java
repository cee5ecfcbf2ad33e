package dev.mlops.testkit;

import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitter;
import dev.mlops.data.split.Splitters;

/** Runs the {@link SplitterContract} against {@link Splitters#stratified} over train/validation/test 70/15/15. */
class StratifiedSplitterContractTest extends SplitterContract {

    @Override
    protected Splitter splitter(long seed) {
        return Splitters.stratified(SplitSets.trainValidationTest(0.7, 0.15, 0.15), LABEL, seed);
    }
}
