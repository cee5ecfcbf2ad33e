package dev.mlops.deploy.strategy;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.component.ComponentType;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Shadow: the primary variant answers every request, and a sampled share of the requests is also
 * copied to the shadow variant, whose answers an endpoint compares with the primary's but never
 * returns. The primary never changes while shadowing, so the strategy is sticky.
 *
 * <p>Sampling: a request with a unit id is copied when the unit's {@link UnitHash#point} (salted
 * with the seed) is below the share, so a unit is either always or never copied; a request
 * without one is copied by a seeded draw: the n-th such request of the rollout draws the SplitMix64
 * output of {@code seed + n}, so a single-threaded run copies the same requests every time.
 * Neither allocates.
 *
 * <p>Stages and the events each accepts (any other is refused with an
 * {@link IllegalStateException} naming the stage and the event, and nothing changes):
 * <table>
 * <caption>Shadow stages</caption>
 * <tr><th>stage</th><th>traffic</th><th>accepts</th></tr>
 * <tr><td>{@code shadowing}</td><td>all on the primary; the share copied to the shadow</td>
 *     <td>Promote → {@code promoted}; Rollback → {@code stopped}; HealthCheck (stays)</td></tr>
 * <tr><td>{@code promoted} (finished)</td><td>all on the former shadow, no copies</td><td>HealthCheck (stays)</td></tr>
 * <tr><td>{@code stopped} (finished)</td><td>all on the primary, no copies</td><td>HealthCheck (stays)</td></tr>
 * </table>
 * Alarms are refused: an alarm says nothing about which of the two is at fault, and the shadow
 * answers no one. The component's type name is {@value #TYPE}; immutable and thread-safe.
 */
public final class ShadowStrategy extends AbstractComponent<ShadowStrategy.Settings> implements DeploymentStrategy {
    /** The type name. */
    public static final String TYPE = "shadow";
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    /**
     * The plan.
     *
     * @param primary the variant that answers
     * @param shadow the variant that receives copies
     * @param share the share of requests copied, in (0, 1]
     * @param seed the salt of unit hashes and the start of the draws for requests without unit
     */
    public record Settings(String primary, String shadow, double share, long seed) {
        /**
         * Checks the plan.
         *
         * @param primary the variant that answers, not blank
         * @param shadow the variant that receives copies, not blank, not the primary
         * @param share the share copied, in (0, 1]
         * @param seed the seed
         * @throws IllegalArgumentException if a name is blank, both are the same, or the share is out of range
         */
        public Settings {
            Variants.check("primary", primary);
            Variants.check("shadow", shadow);
            if (primary.equals(shadow)) {
                throw new IllegalArgumentException("primary and shadow must be different variants, but both are '"
                        + primary + "'");
            }
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("setting 'share' must be in (0, 1], but was " + share);
            }
        }
    }

    /**
     * Creates the strategy.
     *
     * @param settings the plan
     */
    public ShadowStrategy(Settings settings) {
        super(TYPE, settings);
    }

    @Override
    public List<String> variants() {
        return List.of(settings().primary(), settings().shadow());
    }

    @Override
    public Rollout start(Clock clock) {
        return new ShadowRollout(this, clock);
    }

    /** The shadowing stage: routes to the primary, a sampled share with the shadow. */
    private static final class Shadowing implements StagedRollout.Stage {
        private final RolloutStatus status;
        private final Route plain;
        private final Route copied;
        private final double share;
        private final long seed;
        private final AtomicLong draws = new AtomicLong();

        Shadowing(Settings plan) {
            this.status = new RolloutStatus("shadowing", OneVariant.allOn(plan.primary(), plan.shadow()), List.of(plan.shadow()),
                    false);
            this.plain = Route.to(plan.primary());
            this.copied = plain.withShadow(plan.shadow());
            this.share = plan.share();
            this.seed = plan.seed();
        }

        @Override
        public RolloutStatus status() {
            return status;
        }

        @Override
        public Route route(@Nullable String unitId) {
            double point = unitId == null ? draw(seed + draws.getAndIncrement()) : UnitHash.point(unitId, seed);
            return point < share ? copied : plain;
        }

        private static double draw(long state) {
            long z = state * 0x9e3779b97f4a7c15L;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return ((z ^ (z >>> 31)) >>> 11) * TWO_TO_MINUS_53;
        }
    }

    /** The running shadow state machine. */
    private static final class ShadowRollout extends StagedRollout<StagedRollout.Stage> {
        private final StagedRollout.Stage shadowing;
        private final StagedRollout.Stage promoted;
        private final StagedRollout.Stage stopped;

        private ShadowRollout(ShadowStrategy strategy, Clock clock) {
            this(strategy, clock, new Shadowing(strategy.settings()));
        }

        private ShadowRollout(ShadowStrategy strategy, Clock clock, Shadowing first) {
            super(strategy, clock, first);
            Settings plan = strategy.settings();
            this.shadowing = first;
            this.promoted = OneVariant.of("promoted", plan.shadow(), plan.primary(), true);
            this.stopped = OneVariant.of("stopped", plan.primary(), plan.shadow(), true);
        }

        @Override
        StagedRollout.Stage next(StagedRollout.Stage stage, RolloutEvent event) {
            if (event instanceof RolloutEvent.HealthCheck) {
                return stage;
            }
            if (stage == shadowing && event instanceof RolloutEvent.Promote) {
                return promoted;
            }
            if (stage == shadowing && event instanceof RolloutEvent.Rollback) {
                return stopped;
            }
            throw refuse(stage, event);
        }
    }

    /** Registers the strategy as the {@code shadow} {@link DeploymentStrategy}. */
    public static final class Type extends ComponentType<DeploymentStrategy, Settings> {
        /** Describes the type. */
        public Type() {
            super(DeploymentStrategy.class, TYPE, Settings.class,
                    "the primary answers; a sampled share is copied to the shadow, whose answers are compared");
        }

        @Override
        public ShadowStrategy create(Settings settings) {
            return new ShadowStrategy(settings);
        }
    }
}
