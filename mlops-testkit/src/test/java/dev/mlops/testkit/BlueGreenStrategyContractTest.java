package dev.mlops.testkit;

import dev.mlops.deploy.strategy.BlueGreenStrategy;
import dev.mlops.deploy.strategy.DeploymentStrategy;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.RolloutEvent.Alarm;
import dev.mlops.deploy.strategy.RolloutEvent.HealthCheck;
import dev.mlops.deploy.strategy.RolloutEvent.Promote;
import dev.mlops.deploy.strategy.RolloutEvent.Rollback;
import java.util.Map;
import java.util.Set;

/** Blue/green meets the deployment strategy contract, with the stages its javadoc documents. */
class BlueGreenStrategyContractTest extends DeploymentStrategyContract {
    @Override
    protected DeploymentStrategy strategy() {
        return new BlueGreenStrategy(new BlueGreenStrategy.Settings("blue-v1", "green-v2"));
    }

    @Override
    protected boolean sticky() {
        return true;
    }

    @Override
    protected Map<String, Set<Class<? extends RolloutEvent>>> acceptedEvents() {
        return Map.of("blue", Set.of(Promote.class, HealthCheck.class),
                "green", Set.of(Promote.class, Rollback.class, Alarm.class, HealthCheck.class),
                "done", Set.of(HealthCheck.class),
                "rolled back", Set.of(HealthCheck.class));
    }
}
