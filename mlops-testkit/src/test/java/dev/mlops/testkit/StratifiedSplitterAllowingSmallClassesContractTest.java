package dev.mlops.testkit;

import dev.mlops.data.split.SmallClasses;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitter;
import dev.mlops.data.split.Splitters;

/** Runs the {@link SplitterContract} against {@link Splitters#stratified} over five sets with {@link SmallClasses#ALLOW}. */
class StratifiedSplitterAllowingSmallClassesContractTest extends SplitterContract {

    @Override
    protected Splitter splitter(long seed) {
        return Splitters.stratified(SplitSets.builder().add("a", 0.6).add("b", 0.1).add("c", 0.1).add("d", 0.1).add("e", 0.1).build(), LABEL, seed, SmallClasses.ALLOW);
    }
}
