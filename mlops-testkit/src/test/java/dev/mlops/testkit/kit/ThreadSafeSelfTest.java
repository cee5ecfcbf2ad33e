package dev.mlops.testkit.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The thread-safety piece catches an implementation that shares a mutable buffer, and one that throws. */
class ThreadSafeSelfTest {

    /** Spells a word through a buffer that every call shares. */
    static final class SharedBufferSpeller {
        private final StringBuilder buffer = new StringBuilder();
        private final String word;

        SharedBufferSpeller(String word) {
            this.word = word;
        }

        String spell() {
            synchronized (buffer) {
                buffer.setLength(0);
            }
            for (char c : word.toCharArray()) {
                synchronized (buffer) {
                    buffer.append(c);
                }
                LockSupport.parkNanos(50_000);
            }
            synchronized (buffer) {
                return buffer.toString();
            }
        }
    }

    private static ThreadSafe<SharedBufferSpeller, String> piece(SharedBufferSpeller speller) {
        return new ThreadSafe<>() {
            @Override
            public SharedBufferSpeller subject() {
                return speller;
            }

            @Override
            public String run(SharedBufferSpeller subject) {
                return subject.spell();
            }
        };
    }

    @Test
    void aSharedMutableBufferFailsNamingTheThreadAndRun() {
        ThreadSafe<SharedBufferSpeller, String> piece = piece(new SharedBufferSpeller("thread-safe"));

        assertThatThrownBy(piece::oneInstanceFromEightThreadsAtOnce).isInstanceOf(AssertionError.class)
                .hasMessageMatching("one instance used from 8 threads at once gave another result than on one thread:"
                        + " thread \\d, run \\d: expected thread-safe but got .*");
    }

    @Test
    void anExceptionInAThreadFailsWithIt() {
        int[] calls = new int[1];
        ThreadSafe<SharedBufferSpeller, String> piece = new ThreadSafe<>() {
            @Override
            public SharedBufferSpeller subject() {
                return new SharedBufferSpeller("word");
            }

            @Override
            public String run(SharedBufferSpeller subject) {
                synchronized (calls) {
                    if (calls[0]++ > 0) {
                        throw new IllegalStateException("broken on call " + calls[0]);
                    }
                }
                return subject.spell();
            }
        };

        assertThatThrownBy(piece::oneInstanceFromEightThreadsAtOnce).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("a run from one of 8 threads at once failed: java.lang.IllegalStateException:"
                        + " broken on call");
    }

    @Test
    void aBufferPerCallPasses() {
        ThreadSafe<String, String> piece = new ThreadSafe<>() {
            @Override
            public String subject() {
                return "thread-safe";
            }

            @Override
            public String run(String word) {
                return new SharedBufferSpeller(word).spell();
            }
        };

        assertThatCode(piece::oneInstanceFromEightThreadsAtOnce).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void runsOnceAloneThenFourTimesOnEachOfEightThreads() throws Exception {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        ThreadSafe<Object, Integer> piece = new ThreadSafe<>() {
            @Override
            public Object subject() {
                return new Object();
            }

            @Override
            public Integer run(Object subject) {
                runs.incrementAndGet();
                return 1;
            }
        };

        piece.oneInstanceFromEightThreadsAtOnce();

        org.assertj.core.api.Assertions.assertThat(runs.get()).isEqualTo(1 + ThreadSafe.THREADS * piece.runsPerThread())
                .isEqualTo(33);
    }
}
