package dev.mlops.testkit;

import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Splitter;
import dev.mlops.data.split.Splitters;

/** Runs the {@link SplitterContract} against {@link Splitters#random} with the guide's size policy. */
class RandomSplitterContractTest extends SplitterContract {

    @Override
    protected Splitter splitter(long seed) {
        return Splitters.random(SizePolicy.guide(), seed);
    }
}
