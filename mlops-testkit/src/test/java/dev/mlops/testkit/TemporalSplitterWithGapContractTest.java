package dev.mlops.testkit;

import dev.mlops.data.split.NewestSet;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitter;
import dev.mlops.data.split.Splitters;
import java.time.Duration;

/** Runs the {@link SplitterContract} against {@link Splitters#temporal} with a gap of ten minutes and a newest set {@code recent_testing}. */
class TemporalSplitterWithGapContractTest extends SplitterContract {

    @Override
    protected Splitter splitter(long seed) {
        return Splitters.temporal(SplitSets.trainValidationTest(0.7, 0.15, 0.15), TIME, Duration.ofMinutes(10), new NewestSet("recent_testing", 0.1));
    }
}
