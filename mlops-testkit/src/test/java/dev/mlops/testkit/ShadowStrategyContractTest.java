package dev.mlops.testkit;

import dev.mlops.deploy.strategy.DeploymentStrategy;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.RolloutEvent.HealthCheck;
import dev.mlops.deploy.strategy.RolloutEvent.Promote;
import dev.mlops.deploy.strategy.RolloutEvent.Rollback;
import dev.mlops.deploy.strategy.ShadowStrategy;
import java.util.Map;
import java.util.Set;

/** Shadow meets the deployment strategy contract, with the stages its javadoc documents. */
class ShadowStrategyContractTest extends DeploymentStrategyContract {
    @Override
    protected DeploymentStrategy strategy() {
        return new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", 0.25, 7));
    }

    @Override
    protected boolean sticky() {
        return true;
    }

    @Override
    protected Map<String, Set<Class<? extends RolloutEvent>>> acceptedEvents() {
        return Map.of("shadowing", Set.of(Promote.class, Rollback.class, HealthCheck.class),
                "promoted", Set.of(HealthCheck.class),
                "stopped", Set.of(HealthCheck.class));
    }
}
