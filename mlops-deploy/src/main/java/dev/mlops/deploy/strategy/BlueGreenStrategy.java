package dev.mlops.deploy.strategy;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.component.ComponentType;
import java.time.Clock;
import java.util.List;

/**
 * Blue/green: all traffic on one variant at a time, both kept loaded, so that a switch and a
 * switch back are instant. Not sampled: every request of a stage goes to the same variant, so
 * the strategy is trivially sticky.
 *
 * <p>Stages and the events each accepts (any other is refused with an
 * {@link IllegalStateException} naming the stage and the event, and nothing changes):
 * <table>
 * <caption>Blue/green stages</caption>
 * <tr><th>stage</th><th>traffic</th><th>accepts</th></tr>
 * <tr><td>{@code blue}</td><td>all on blue</td><td>Promote → {@code green}; HealthCheck (stays)</td></tr>
 * <tr><td>{@code green}</td><td>all on green, blue still loaded</td><td>Promote → {@code done};
 *     Rollback or Alarm → {@code rolled back}; HealthCheck (stays)</td></tr>
 * <tr><td>{@code done} (finished)</td><td>all on green; blue may be unloaded</td><td>HealthCheck (stays)</td></tr>
 * <tr><td>{@code rolled back} (finished)</td><td>all on blue</td><td>HealthCheck (stays)</td></tr>
 * </table>
 * No stage has shadows. The component's type name is {@value #TYPE}; immutable and thread-safe.
 */
public final class BlueGreenStrategy extends AbstractComponent<BlueGreenStrategy.Settings>
        implements DeploymentStrategy {
    /** The type name. */
    public static final String TYPE = "blue-green";

    /**
     * The plan.
     *
     * @param blue the variant serving now
     * @param green the variant to switch to
     */
    public record Settings(String blue, String green) {
        /**
         * Checks the names.
         *
         * @param blue the variant serving now, not blank
         * @param green the variant to switch to, not blank, not blue
         * @throws IllegalArgumentException if a name is blank or both are the same
         */
        public Settings {
            Variants.check("blue", blue);
            Variants.check("green", green);
            if (blue.equals(green)) {
                throw new IllegalArgumentException("blue and green must be different variants, but both are '"
                        + blue + "'");
            }
        }
    }

    /**
     * Creates the strategy.
     *
     * @param settings the plan
     */
    public BlueGreenStrategy(Settings settings) {
        super(TYPE, settings);
    }

    @Override
    public List<String> variants() {
        return List.of(settings().blue(), settings().green());
    }

    @Override
    public Rollout start(Clock clock) {
        return new BlueGreenRollout(this, clock);
    }

    /** The running blue/green state machine. */
    private static final class BlueGreenRollout extends StagedRollout<OneVariant> {
        private final OneVariant blue;
        private final OneVariant green;
        private final OneVariant done;
        private final OneVariant rolledBack;

        private BlueGreenRollout(BlueGreenStrategy strategy, Clock clock) {
            this(strategy, clock, strategy.settings().blue(), strategy.settings().green());
        }

        private BlueGreenRollout(BlueGreenStrategy strategy, Clock clock, String blueVariant, String greenVariant) {
            this(strategy, clock, OneVariant.of("blue", blueVariant, greenVariant, false),
                    OneVariant.of("green", greenVariant, blueVariant, false));
        }

        private BlueGreenRollout(BlueGreenStrategy strategy, Clock clock, OneVariant blue, OneVariant green) {
            super(strategy, clock, blue);
            this.blue = blue;
            this.green = green;
            this.done = OneVariant.of("done", green.only().primary(), blue.only().primary(), true);
            this.rolledBack = OneVariant.of("rolled back", blue.only().primary(), green.only().primary(), true);
        }

        @Override
        OneVariant next(OneVariant stage, RolloutEvent event) {
            if (event instanceof RolloutEvent.HealthCheck) {
                return stage;
            }
            if (stage == blue && event instanceof RolloutEvent.Promote) {
                return green;
            }
            if (stage == green) {
                // the events are sealed: besides a promotion and a health check, a rollback or an alarm
                return event instanceof RolloutEvent.Promote ? done : rolledBack;
            }
            throw refuse(stage, event);
        }
    }

    /** Registers the strategy as the {@code blue-green} {@link DeploymentStrategy}. */
    public static final class Type extends ComponentType<DeploymentStrategy, Settings> {
        /** Describes the type. */
        public Type() {
            super(DeploymentStrategy.class, TYPE, Settings.class,
                    "all traffic on one variant; promote switches to the other, rollback switches back, instantly");
        }

        @Override
        public BlueGreenStrategy create(Settings settings) {
            return new BlueGreenStrategy(settings);
        }
    }
}
