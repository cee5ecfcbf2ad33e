package dev.mlops.deploy.serving;

import dev.mlops.deploy.strategy.DeploymentStrategy;
import dev.mlops.deploy.strategy.Rollout;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.RolloutStatus;
import dev.mlops.deploy.strategy.RolloutTransition;
import dev.mlops.deploy.strategy.Route;
import dev.mlops.deploy.strategy.VariantHealth;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** A strategy whose rollout routes everything to its first variant and records the health checks it gets. */
final class RecordingStrategy implements DeploymentStrategy {
    final CountDownLatch healthChecks = new CountDownLatch(3);
    final AtomicReference<Map<String, VariantHealth>> lastHealth = new AtomicReference<>();
    volatile boolean refuseHealthChecks;
    private final List<String> variants;

    /** No settings. */
    record Settings() {
    }

    RecordingStrategy(List<String> variants) {
        this.variants = List.copyOf(variants);
    }

    @Override
    public String type() {
        return "recording";
    }

    @Override
    public Record settings() {
        return new Settings();
    }

    @Override
    public List<String> variants() {
        return variants;
    }

    @Override
    public Rollout start(Clock clock) {
        TreeMap<String, Double> traffic = new TreeMap<>();
        variants.forEach(variant -> traffic.put(variant, variant.equals(variants.get(0)) ? 1.0 : 0.0));
        RolloutStatus status = new RolloutStatus("only", traffic, List.of(), false);
        Route route = Route.to(variants.get(0));
        return new Rollout() {
            @Override
            public DeploymentStrategy strategy() {
                return RecordingStrategy.this;
            }

            @Override
            public Route route(@Nullable String unitId) {
                return route;
            }

            @Override
            public RolloutStatus status() {
                return status;
            }

            @Override
            public RolloutStatus apply(RolloutEvent event) {
                if (refuseHealthChecks) {
                    throw new IllegalStateException("stage 'only' does not accept " + event);
                }
                lastHealth.set(((RolloutEvent.HealthCheck) event).health());
                healthChecks.countDown();
                return status;
            }

            @Override
            public List<RolloutTransition> transitions() {
                return List.of();
            }
        };
    }
}
