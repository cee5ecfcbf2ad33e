package dev.mlops.testkit;

import dev.mlops.core.report.Severity;
import dev.mlops.deploy.strategy.CanarySettings;
import dev.mlops.deploy.strategy.CanaryStrategy;
import dev.mlops.deploy.strategy.DeploymentStrategy;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.RolloutEvent.Alarm;
import dev.mlops.deploy.strategy.RolloutEvent.HealthCheck;
import dev.mlops.deploy.strategy.RolloutEvent.Promote;
import dev.mlops.deploy.strategy.RolloutEvent.Rollback;
import dev.mlops.deploy.strategy.VariantHealth;
import dev.mlops.monitor.alarm.AlarmEvent;
import dev.mlops.monitor.metric.MetricId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The canary meets the deployment strategy contract, with the stages its javadoc tables: four
 * steps, then completed or rolled back. Besides the contract's sample events it is sent a health
 * check that breaches the error-rate guardrail and a cleared alarm, which leaves a step as it is.
 */
class CanaryStrategyContractTest extends DeploymentStrategyContract {
    private static final Set<Class<? extends RolloutEvent>> ALL = Set.of(Promote.class, Rollback.class,
            HealthCheck.class, Alarm.class);

    @Override
    protected DeploymentStrategy strategy() {
        return CanaryStrategy.of(CanarySettings.builder("blue-v1", "green-v2").steps("5,25,50,100")
                .maxP95(Duration.ofMillis(200)).build());
    }

    @Override
    protected boolean sticky() {
        return true;
    }

    @Override
    protected Map<String, Set<Class<? extends RolloutEvent>>> acceptedEvents() {
        return Map.of("canary 1 of 4", ALL, "canary 2 of 4", ALL, "canary 3 of 4", ALL, "canary 4 of 4", ALL,
                "completed", Set.of(HealthCheck.class), "rolled back", Set.of(HealthCheck.class));
    }

    @Override
    protected List<RolloutEvent> events() {
        List<RolloutEvent> events = new ArrayList<>(super.events());
        events.add(new HealthCheck(Map.of("blue-v1", new VariantHealth(1000, 0, Duration.ofMillis(5)),
                "green-v2", new VariantHealth(1000, 500, Duration.ofMillis(5)))));
        events.add(new Alarm(new AlarmEvent(AlarmEvent.Kind.CLEARED, "contract-alarm", Severity.ERROR,
                MetricId.of("quality.error_rate"), 0.01, 0.1, Instant.parse("2026-01-01T00:00:00Z"), 0,
                Optional.empty())));
        return events;
    }
}
