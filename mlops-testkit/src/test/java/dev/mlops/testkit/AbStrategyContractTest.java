package dev.mlops.testkit;

import dev.mlops.deploy.strategy.AbStrategy;
import dev.mlops.deploy.strategy.DeploymentStrategy;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.RolloutEvent.Alarm;
import dev.mlops.deploy.strategy.RolloutEvent.HealthCheck;
import dev.mlops.deploy.strategy.RolloutEvent.Promote;
import dev.mlops.deploy.strategy.RolloutEvent.Rollback;
import java.util.Map;
import java.util.Set;

/** The A/B strategy meets the deployment strategy contract, with the stages its javadoc documents. */
class AbStrategyContractTest extends DeploymentStrategyContract {
    @Override
    protected DeploymentStrategy strategy() {
        return AbStrategy.of("control:70,treatment:30", "contract-2026-12");
    }

    @Override
    protected boolean sticky() {
        return true;
    }

    @Override
    protected Map<String, Set<Class<? extends RolloutEvent>>> acceptedEvents() {
        return Map.of(AbStrategy.RUNNING, Set.of(Promote.class, Rollback.class, Alarm.class, HealthCheck.class),
                "promoted treatment", Set.of(HealthCheck.class),
                AbStrategy.STOPPED, Set.of(HealthCheck.class));
    }
}
