package dev.mlops.deploy.strategy;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.component.ComponentType;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An A/B test: units (users, customers) are split among weighted arms by a sticky hash of their
 * id, so every unit stays in its arm for the whole experiment, and outcomes per arm are compared
 * afterwards ({@code dev.mlops.deploy.ab.AbTest}).
 *
 * <pre>{@code
 * AbStrategy plan = AbStrategy.of("control:50,treatment:50", "checkout-2026-12");
 * // as a spec string: ab(arms="control:50,treatment:50", salt=checkout-2026-12)
 * Rollout test = plan.start(Clock.systemUTC());
 * String arm = test.route(userId).primary();
 * }</pre>
 *
 * <p><b>Arms.</b> {@code arms} lists {@code name:weight} pairs separated by commas; the first arm
 * is the <em>control</em> (what served before the experiment), the others are treatments. Weights
 * are positive numbers, normalised to shares (so {@code 1,1} and {@code 50,50} are the same
 * split).
 *
 * <p><b>Stickiness.</b> A unit id and the salt go through {@link UnitHash#point} to a point
 * {@code u} in [0, 1); arm {@code i} takes the units with {@code c_(i-1) <= u < c_i}, where
 * {@code c_i} is the sum of the first {@code i + 1} shares. The assignment depends only on the id,
 * the salt and the arms, so it is the same on every machine and after every restart; a new salt
 * (a new experiment) draws an independent split.
 *
 * <p><b>Requests without a unit id</b> are not in the experiment: they get a per-request draw
 * with the arms' shares (a Weyl sequence, {@code frac(salt + n * 0.618...)} for the
 * {@code n}-th such request, so the draw is deterministic, allocation-free and matches the shares
 * closely), and since they have no unit they cannot be logged as assignments, so they never count
 * in the analysis.
 *
 * <p><b>Stages and events.</b>
 * <ul>
 *   <li>{@value #RUNNING}: the weighted split. Accepts {@link RolloutEvent.Promote} (ends the
 *       experiment: all traffic to the arm it names, as in
 *       {@code new Promote("treatment", "converts 2.1 points better, p = 0.003")}; with two arms and
 *       no arm named, to the treatment; an arm it does not have is refused), {@link RolloutEvent.Rollback} and {@link RolloutEvent.Alarm} (stop the
 *       experiment: all traffic to the control arm), and {@link RolloutEvent.HealthCheck} (no move:
 *       an A/B test is judged on its outcomes, not on health).</li>
 *   <li>{@value #STOPPED} (all to the control) and {@code promoted <arm>} (all to that arm): finished;
 *       they accept only a {@link RolloutEvent.HealthCheck}, which does not move them, and refuse
 *       every other event.</li>
 * </ul>
 * Immutable and thread-safe; the rollouts it starts are thread-safe and route without allocating.
 */
public final class AbStrategy extends AbstractComponent<AbStrategy.Settings> implements DeploymentStrategy {
    /** The type name. */
    public static final String TYPE = "ab";
    /** The stage of a running experiment. */
    public static final String RUNNING = "running";
    /** The stage of a stopped experiment: all traffic on the control arm. */
    public static final String STOPPED = "stopped";

    private static final Pattern ARM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final List<String> arms;
    private final double[] shares;
    private final double[] bounds;
    private final long salt;

    /**
     * The plan.
     *
     * @param arms {@code name:weight} pairs separated by commas, the control first, such as
     *     {@code "control:50,treatment:50"}
     * @param salt the experiment's name, which makes its split independent of other experiments'
     */
    public record Settings(String arms, String salt) {
        /**
         * Checks the settings.
         *
         * @param arms at least two {@code name:weight} pairs with distinct names (a letter or digit,
         *     then letters, digits, {@code _}, {@code .} or {@code -}) and positive finite weights
         * @param salt the experiment's name, not blank
         * @throws IllegalArgumentException if a pair is malformed, a name repeats, a weight is not
         *     positive, there are fewer than two arms or the salt is blank; the message names it
         */
        public Settings {
            Objects.requireNonNull(arms, "arms");
            Objects.requireNonNull(salt, "salt");
            if (salt.isBlank()) {
                throw new IllegalArgumentException("salt must not be blank: name the experiment, such as checkout-2026-12");
            }
            parse(arms);
        }
    }

    /**
     * Creates the strategy.
     *
     * @param settings the arms and the salt
     */
    public AbStrategy(Settings settings) {
        super(TYPE, settings);
        Map<String, Double> weights = parse(settings.arms());
        this.arms = List.copyOf(weights.keySet());
        this.shares = new double[arms.size()];
        this.bounds = new double[arms.size()];
        double total = 0;
        for (double weight : weights.values()) {
            total += weight;
        }
        double cumulative = 0;
        for (int i = 0; i < arms.size(); i++) {
            shares[i] = weights.get(arms.get(i)) / total;
            cumulative += shares[i];
            bounds[i] = cumulative;
        }
        bounds[arms.size() - 1] = 1.0;
        this.salt = UnitHash.salt(settings.salt());
    }

    /**
     * Creates the strategy.
     *
     * @param arms {@code name:weight} pairs, the control first, such as {@code "control:50,treatment:50"}
     * @param salt the experiment's name
     * @return the strategy
     * @throws IllegalArgumentException as {@link Settings#Settings}
     */
    public static AbStrategy of(String arms, String salt) {
        return new AbStrategy(new Settings(arms, salt));
    }

    /** @return the arms' names, the control first */
    @Override
    public List<String> variants() {
        return arms;
    }

    /** @return the control arm, the first */
    public String control() {
        return arms.get(0);
    }

    /** @return each arm's share of units, in [0, 1] and summing to 1, in the settings' order */
    public Map<String, Double> shares() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < arms.size(); i++) {
            map.put(arms.get(i), shares[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The arm a unit is assigned to while the experiment runs, the same that
     * {@link Rollout#route} answers for it.
     *
     * @param unitId the unit's id
     * @return the arm's name
     */
    public String assign(CharSequence unitId) {
        return arms.get(armAt(UnitHash.point(unitId, salt)));
    }

    @Override
    public Rollout start(Clock clock) {
        return new AbRollout(this, Objects.requireNonNull(clock, "clock"));
    }

    /** @return the index of the arm that takes the point {@code u} in [0, 1); the last bound is exactly 1 */
    int armAt(double u) {
        int i = 0;
        while (u >= bounds[i]) {
            i++;
        }
        return i;
    }

    long salt() {
        return salt;
    }

    private static Map<String, Double> parse(String text) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            int colon = pair.indexOf(':');
            String name = pair.substring(0, Math.max(colon, 0)).trim();
            if (!ARM.matcher(name).matches()) {
                throw new IllegalArgumentException("arms must be name:weight pairs separated by commas, such as"
                        + " control:50,treatment:50, but '" + pair.trim() + "' in '" + text + "' is not one");
            }
            double weight;
            try {
                weight = Double.parseDouble(pair.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                weight = Double.NaN;
            }
            if (!(weight > 0 && weight < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("arm '" + name + "' must have a positive finite weight but has '"
                        + pair.substring(colon + 1).trim() + "' in '" + text + "'");
            }
            if (weights.put(name, weight) != null) {
                throw new IllegalArgumentException("arm '" + name + "' appears twice in '" + text + "'");
            }
        }
        if (weights.size() < 2) {
            throw new IllegalArgumentException("an A/B test needs at least two arms (a control and a treatment) but '"
                    + text + "' has " + weights.size());
        }
        return weights;
    }

    /** @return the stage name of a promotion */
    static String promoted(String arm) {
        return "promoted " + arm;
    }

    /** Lists the arms in messages. */
    String armList() {
        return String.join(", ", arms);
    }

    /** The component type {@value #TYPE}. */
    public static final class Type extends ComponentType<DeploymentStrategy, Settings> {
        /** Describes the type. */
        public Type() {
            super(DeploymentStrategy.class, TYPE, Settings.class,
                    "A/B test: units hashed with a salt into weighted arms, sticky; stop to the control or promote an arm");
        }

        @Override
        public AbStrategy create(Settings settings) {
            return new AbStrategy(settings);
        }
    }
}
