package dev.mlops.examples.plugin;

import dev.mlops.data.split.Splitter;
import dev.mlops.testkit.SplitterContract;

/** The user's splitter honours the {@link Splitter} contract, as any built-in one does. */
class HashSplitterContractTest extends SplitterContract {

    @Override
    protected Splitter splitter(long seed) {
        return new HashSplitter(GROUP, 0.3);
    }
}
