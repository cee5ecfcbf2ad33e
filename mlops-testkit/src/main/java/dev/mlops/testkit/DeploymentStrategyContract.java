package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import dev.mlops.core.report.Severity;
import dev.mlops.deploy.strategy.DeploymentStrategy;
import dev.mlops.deploy.strategy.Rollout;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.RolloutStatus;
import dev.mlops.deploy.strategy.RolloutTransition;
import dev.mlops.deploy.strategy.Route;
import dev.mlops.deploy.strategy.VariantHealth;
import dev.mlops.monitor.alarm.AlarmEvent;
import dev.mlops.monitor.metric.MetricId;
import dev.mlops.testkit.kit.SettingsRoundTrip;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DeploymentStrategy} as a JUnit 5 test: extend this class, give your
 * strategy, say whether it promises stickiness and list the events each of its stages accepts,
 * and every test here runs against it.
 *
 * <pre>{@code
 * class BlueGreenContractTest extends DeploymentStrategyContract {
 *     protected DeploymentStrategy strategy() {
 *         return new BlueGreenStrategy(new BlueGreenStrategy.Settings("blue", "green"));
 *     }
 *     protected boolean sticky() {
 *         return true;
 *     }
 *     protected Map<String, Set<Class<? extends RolloutEvent>>> acceptedEvents() {
 *         return Map.of("blue", Set.of(Promote.class, HealthCheck.class), ...);
 *     }
 * }
 * }</pre>
 *
 * <p>The contract explores the rollout: from the first stage it applies each of the
 * {@link #events() sample events} (one of each kind) that the stage accepts, and so reaches every
 * stage it can within {@value #MAX_DEPTH} events; a stage is known by its status's name. Then, for
 * any implementation:
 * <ul>
 *   <li>every stage reached is listed in {@link #acceptedEvents()};</li>
 *   <li>in every stage, each listed event is accepted: {@code apply} returns the new status, and
 *       if the status changed, exactly one transition from the old to the new status was
 *       recorded (with the clock's time), else none;</li>
 *   <li>in every stage, each event not listed is refused with an {@link IllegalStateException}
 *       whose message names the stage and the event's kind ({@code Promote}, {@code Rollback},
 *       {@code HealthCheck}, {@code Alarm}), and status and transitions stay as they were;</li>
 *   <li>in every stage, each route (for {@value #UNITS} unit ids and as many requests without
 *       one) answers with exactly one variant among {@code variants()} whose share in the status
 *       is above 0, and its shadows are other variants among them, all listed in the status's
 *       shadows: a shadow never answers, so it cannot change an answer; the share of unit ids
 *       each variant answers matches the status's share within six standard deviations;</li>
 *   <li>if the strategy promises stickiness, a unit id gets the same answering variant each time
 *       within a stage, whatever other requests come between;</li>
 *   <li>under {@value #THREADS} threads routing {@value #ROUTES_PER_THREAD} requests each while
 *       another thread applies the events along the longest path, no route is lost or invalid
 *       and the transitions form a chain, each starting where the one before ended; without
 *       events, the {@value #THREADS} threads' answers match the first stage's shares;</li>
 *   <li>the strategy is a component: its type is registered, and the strategy rebuilt from its
 *       spec string or JSON is equal and routes alike.</li>
 * </ul>
 * The tests are package-private or nested, so a subclass inherits every one of them and cannot
 * weaken one by overriding it.
 */
public abstract class DeploymentStrategyContract {
    /** The most events the exploration applies in a row. */
    protected static final int MAX_DEPTH = 12;
    /** How many unit ids each stage's routing is checked on. */
    protected static final int UNITS = 4_000;
    /** How many threads route at once. */
    protected static final int THREADS = 16;
    /** How many requests each thread routes. */
    protected static final int ROUTES_PER_THREAD = 20_000;
    private static final double SIGMAS = 6;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** @return the strategy under test, made the same way each time */
    protected abstract DeploymentStrategy strategy();

    /** @return true if the strategy promises that a unit id keeps its answering variant within a stage */
    protected abstract boolean sticky();

    /**
     * @return each stage's name (as {@link RolloutStatus#stage()} gives it) and the kinds of events
     *     it accepts, as the strategy's javadoc documents them
     */
    protected abstract Map<String, Set<Class<? extends RolloutEvent>>> acceptedEvents();

    /**
     * The events the exploration applies: one of each kind by default, a health check reporting
     * every variant healthy (100 requests, no error, 1 ms) and a raised alarm. Override to give
     * events your strategy reacts to differently (a breaching health check).
     *
     * @return the events, one or more of each kind
     */
    protected List<RolloutEvent> events() {
        Map<String, VariantHealth> health = new LinkedHashMap<>();
        for (String variant : strategy().variants()) {
            health.put(variant, new VariantHealth(100, 0, Duration.ofMillis(1)));
        }
        AlarmEvent alarm = new AlarmEvent(AlarmEvent.Kind.RAISED, "contract-alarm", Severity.ERROR,
                MetricId.of("quality.error_rate"), 0.5, 0.1, T0, 1, Optional.empty());
        return List.of(new RolloutEvent.Promote("contract promotes"), new RolloutEvent.Rollback("contract rolls back"),
                new RolloutEvent.HealthCheck(health), new RolloutEvent.Alarm(alarm));
    }

    /** @return the clock rollouts are started with: fixed at 2026-01-01T00:00:00Z by default */
    protected Clock clock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

    /** A stage reached, and the events that reach it from a fresh rollout. */
    private record Reached(String stage, List<RolloutEvent> path) {
    }

    private Rollout replay(List<RolloutEvent> path) {
        Rollout rollout = strategy().start(clock());
        for (RolloutEvent event : path) {
            rollout.apply(event);
        }
        return rollout;
    }

    private boolean accepts(String stage, RolloutEvent event) {
        Set<Class<? extends RolloutEvent>> accepted = acceptedEvents().get(stage);
        return accepted != null && accepted.contains(event.getClass());
    }

    /** @return every stage reachable with the sample events, breadth first, each with a shortest path */
    private List<Reached> explore() {
        Map<String, Reached> reached = new LinkedHashMap<>();
        ArrayDeque<Reached> queue = new ArrayDeque<>();
        Reached first = new Reached(strategy().start(clock()).status().stage(), List.of());
        reached.put(first.stage(), first);
        queue.add(first);
        while (!queue.isEmpty()) {
            Reached current = queue.poll();
            if (current.path().size() >= MAX_DEPTH) {
                continue;
            }
            for (RolloutEvent event : events()) {
                if (!accepts(current.stage(), event)) {
                    continue;
                }
                Rollout rollout = replay(current.path());
                String next = rollout.apply(event).stage();
                if (!reached.containsKey(next)) {
                    List<RolloutEvent> path = new ArrayList<>(current.path());
                    path.add(event);
                    Reached stage = new Reached(next, List.copyOf(path));
                    reached.put(next, stage);
                    queue.add(stage);
                }
            }
        }
        return List.copyOf(reached.values());
    }

    /** Every stage the rollout reaches is one the subclass lists. */
    @Test
    void everyStageReachedIsListed() {
        for (Reached stage : explore()) {
            assertThat(acceptedEvents())
                    .as("stage '%s' (reached by %s) must be listed in acceptedEvents()", stage.stage(), stage.path())
                    .containsKey(stage.stage());
        }
    }

    /** Each accepted event is applied, and a move is recorded as exactly one transition. */
    @Test
    void acceptedEventsMoveAndRecordEachMove() {
        for (Reached stage : explore()) {
            for (RolloutEvent event : events()) {
                if (!accepts(stage.stage(), event)) {
                    continue;
                }
                Rollout rollout = replay(stage.path());
                RolloutStatus before = rollout.status();
                List<RolloutTransition> earlier = rollout.transitions();
                RolloutStatus after = rollout.apply(event);
                String what = "stage '" + stage.stage() + "' applying " + event;
                assertThat(rollout.status()).as("status after %s", what).isEqualTo(after);
                List<RolloutTransition> now = rollout.transitions();
                if (after.equals(before)) {
                    assertThat(now).as("transitions after %s, which did not move", what).isEqualTo(earlier);
                } else {
                    assertThat(now).as("transitions after %s, which moved to '%s'", what, after.stage())
                            .hasSize(earlier.size() + 1);
                    assertThat(now.subList(0, earlier.size())).as("earlier transitions after %s", what)
                            .isEqualTo(earlier);
                    RolloutTransition last = now.get(now.size() - 1);
                    assertThat(last.from()).as("the recorded move's start, %s", what).isEqualTo(before);
                    assertThat(last.to()).as("the recorded move's end, %s", what).isEqualTo(after);
                    assertThat(last.at()).as("the recorded move's time, %s", what).isEqualTo(clock().instant());
                }
            }
        }
    }

    /** Each event a stage does not list is refused, naming stage and event, and changes nothing. */
    @Test
    void otherEventsAreRefusedNamingStageAndEventAndChangeNothing() {
        for (Reached stage : explore()) {
            for (RolloutEvent event : events()) {
                if (accepts(stage.stage(), event)) {
                    continue;
                }
                Rollout rollout = replay(stage.path());
                RolloutStatus before = rollout.status();
                List<RolloutTransition> earlier = rollout.transitions();
                Throwable refusal = catchThrowable(() -> rollout.apply(event));
                String what = "stage '" + stage.stage() + "' applying " + event + ", which it does not list";
                assertThat(refusal).as(what).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(stage.stage()).hasMessageContaining(event.getClass().getSimpleName());
                assertThat(rollout.status()).as("status after %s", what).isEqualTo(before);
                assertThat(rollout.transitions()).as("transitions after %s", what).isEqualTo(earlier);
            }
        }
    }

    /** Every route answers with one variant of positive share; shadows are other variants that never answer. */
    @Test
    void eachRouteHasOneAnsweringVariantAndShadowsThatNeverAnswer() {
        List<String> variants = strategy().variants();
        for (Reached stage : explore()) {
            Rollout rollout = replay(stage.path());
            RolloutStatus status = rollout.status();
            Map<String, Integer> answered = new HashMap<>();
            for (int unit = 0; unit < 2 * UNITS; unit++) {
                Route route = rollout.route(unit < UNITS ? "unit-" + unit : null);
                checkRoute(route, variants, status, "stage '" + stage.stage() + "'");
                if (unit < UNITS) {
                    answered.merge(route.primary(), 1, Integer::sum);
                }
            }
            checkShares(answered, UNITS, status, "stage '" + stage.stage() + "', " + UNITS + " unit ids");
        }
    }

    /** A sticky strategy keeps each unit on its answering variant within a stage. */
    @Test
    void aStickyStrategyKeepsEachUnitOnItsVariant() {
        if (!sticky()) {
            return;
        }
        for (Reached stage : explore()) {
            Rollout rollout = replay(stage.path());
            Map<String, String> first = new HashMap<>();
            for (int round = 0; round < 3; round++) {
                for (int unit = 0; unit < UNITS; unit++) {
                    String id = "unit-" + ((unit * 7919L + round * 104729L) % UNITS);
                    String primary = rollout.route(id).primary();
                    String earlier = first.putIfAbsent(id, primary);
                    if (earlier != null && !earlier.equals(primary)) {
                        fail("the strategy promises stickiness, but in stage '" + stage.stage() + "' unit '" + id
                                + "' was answered by '" + earlier + "' and then by '" + primary + "'");
                    }
                    for (int other = 0; other <= round; other++) {
                        rollout.route(null);
                    }
                }
            }
        }
    }

    /**
     * Sixteen threads route while another applies the events of the longest path: nothing lost or
     * invalid, and the transitions form a chain.
     *
     * @throws Exception if the threads cannot be joined
     */
    @Test
    void routesFromSixteenThreadsWhileEventsAreAppliedAreValidAndNoneIsLost() throws Exception {
        List<RolloutEvent> longest = List.of();
        for (Reached stage : explore()) {
            if (stage.path().size() > longest.size()) {
                longest = stage.path();
            }
        }
        Rollout rollout = strategy().start(clock());
        List<String> variants = strategy().variants();
        List<RolloutEvent> path = longest;
        long routed = runThreads(rollout, variants, () -> {
            for (RolloutEvent event : path) {
                Thread.sleep(1);
                rollout.apply(event);
            }
            return null;
        }, null);
        assertThat(routed).as("routes answered from %d threads", THREADS).isEqualTo((long) THREADS * ROUTES_PER_THREAD);
        List<RolloutTransition> transitions = rollout.transitions();
        for (int i = 1; i < transitions.size(); i++) {
            assertThat(transitions.get(i).from()).as("transition %d starts where transition %d ended", i, i - 1)
                    .isEqualTo(transitions.get(i - 1).to());
        }
        if (!transitions.isEmpty()) {
            assertThat(transitions.get(transitions.size() - 1).to()).as("the last transition ends at the status")
                    .isEqualTo(rollout.status());
        }
        assertThat(rollout.status()).as("status after the events of %s applied from another thread", path)
                .isEqualTo(replay(path).status());
    }

    /**
     * Sixteen threads routing unit ids in the first stage match its shares.
     *
     * @throws Exception if the threads cannot be joined
     */
    @Test
    void routesFromSixteenThreadsMatchTheShares() throws Exception {
        Rollout rollout = strategy().start(clock());
        Map<String, Long> answered = new java.util.concurrent.ConcurrentHashMap<>();
        long routed = runThreads(rollout, strategy().variants(), null, answered);
        assertThat(routed).isEqualTo((long) THREADS * ROUTES_PER_THREAD);
        Map<String, Integer> counts = new HashMap<>();
        answered.forEach((variant, count) -> counts.put(variant, Math.toIntExact(count)));
        checkShares(counts, THREADS * ROUTES_PER_THREAD, rollout.status(),
                THREADS + " threads x " + ROUTES_PER_THREAD + " unit ids");
    }

    private static long runThreads(Rollout rollout, List<String> variants,
            java.util.concurrent.@Nullable Callable<@Nullable Void> events, @Nullable Map<String, Long> answered)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                String[] ids = new String[ROUTES_PER_THREAD];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = "t" + thread + "-u" + i;
                }
                counts.add(pool.submit(() -> {
                    start.await();
                    long count = 0;
                    Map<String, Long> mine = new HashMap<>();
                    for (String id : ids) {
                        Route route = rollout.route(id);
                        if (!variants.contains(route.primary()) || route.shadows().contains(route.primary())
                                || !variants.containsAll(route.shadows())) {
                            throw new AssertionError("invalid route " + route + " for unit '" + id
                                    + "': not among the variants " + variants);
                        }
                        mine.merge(route.primary(), 1L, Long::sum);
                        count++;
                    }
                    if (answered != null) {
                        mine.forEach((variant, n) -> answered.merge(variant, n, Long::sum));
                    }
                    return count;
                }));
            }
            Future<?> applied = events == null ? null : pool.submit(() -> {
                start.await();
                return events.call();
            });
            start.countDown();
            long total = 0;
            try {
                for (Future<Long> count : counts) {
                    total += count.get(2, TimeUnit.MINUTES);
                }
                if (applied != null) {
                    applied.get(2, TimeUnit.MINUTES);
                }
            } catch (ExecutionException e) {
                throw new AssertionError("routing from " + THREADS + " threads failed: " + e.getCause(), e.getCause());
            }
            return total;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static void checkRoute(Route route, List<String> variants, RolloutStatus status, String where) {
        assertThat(variants).as("%s: the answering variant of route %s is one of the strategy's", where, route)
                .contains(route.primary());
        assertThat(status.traffic().getOrDefault(route.primary(), 0.0))
                .as("%s: the share of '%s', which answered, in status %s", where, route.primary(), status)
                .isGreaterThan(0);
        assertThat(route.shadows()).as("%s: the shadows of route %s", where, route).doesNotContain(route.primary())
                .doesNotHaveDuplicates().allMatch(variants::contains, "a variant of the strategy")
                .allMatch(status.shadows()::contains, "a shadow of the status " + status.shadows());
    }

    private static void checkShares(Map<String, Integer> answered, int total, RolloutStatus status, String where) {
        for (Map.Entry<String, Double> share : status.traffic().entrySet()) {
            double p = share.getValue();
            double expected = p * total;
            double sigma = Math.sqrt(total * p * (1 - p));
            int actual = answered.getOrDefault(share.getKey(), 0);
            assertThat((double) actual)
                    .as("%s: variant '%s' answered %d, for a share of %s (expected %.1f ± %.0f sigma of %.2f)", where,
                            share.getKey(), actual, p, expected, SIGMAS, sigma)
                    .isBetween(expected - SIGMAS * sigma - 1e-9, expected + SIGMAS * sigma + 1e-9);
        }
    }

    /** The strategy is a component: registered, and rebuilt equal from its spec and its JSON. */
    @Nested
    @DisplayName("settings round trip")
    class Settings implements SettingsRoundTrip<DeploymentStrategy, List<Route>> {
        @Override
        public DeploymentStrategy component() {
            return strategy();
        }

        @Override
        public Class<DeploymentStrategy> kind() {
            return DeploymentStrategy.class;
        }

        @Override
        public List<Route> behaviour(DeploymentStrategy strategy) {
            Rollout rollout = strategy.start(clock());
            List<Route> routes = new ArrayList<>();
            for (int unit = 0; unit < 500; unit++) {
                routes.add(rollout.route("unit-" + unit));
            }
            return routes;
        }
    }
}
