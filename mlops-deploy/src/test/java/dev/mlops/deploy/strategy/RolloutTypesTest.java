package dev.mlops.deploy.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The values rollouts share: events, statuses, transitions, routes and health. */
class RolloutTypesTest {

    @Nested
    class Events {
        @Test
        void aPromotionMayNameItsTargetAndNeedsAReason() {
            assertThat(new RolloutEvent.Promote("treatment", "won").target()).contains("treatment");
            assertThat(new RolloutEvent.Promote("next step").target()).isEmpty();
            assertThat(new RolloutEvent.Promote("next step").reason()).isEqualTo("next step");
            assertThatIllegalArgumentException().isThrownBy(() -> new RolloutEvent.Promote(" ", "won"))
                    .withMessage("a promotion's variant must not be blank");
            assertThatIllegalArgumentException().isThrownBy(() -> new RolloutEvent.Promote(""))
                    .withMessage("a rollout event needs a reason");
            assertThatIllegalArgumentException().isThrownBy(() -> new RolloutEvent.Rollback(" "))
                    .withMessage("a rollout event needs a reason");
        }

        @Test
        void aHealthCheckKeepsACopyOfTheMap() {
            Map<String, VariantHealth> health = new TreeMap<>(Map.of("blue", new VariantHealth(10, 1, Duration.ZERO)));
            RolloutEvent.HealthCheck check = new RolloutEvent.HealthCheck(health);
            health.clear();

            assertThat(check.health()).containsOnlyKeys("blue");
        }
    }

    @Nested
    class Statuses {
        @Test
        void sharesMustFormADistribution() {
            assertThat(new RolloutStatus("blue", new TreeMap<>(Map.of("blue", 0.25, "green", 0.75)), List.of(), false)
                    .traffic()).containsEntry("green", 0.75);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RolloutStatus("x", new TreeMap<>(Map.of("a", 0.5, "b", 0.4)), List.of(), false))
                    .withMessage("the traffic shares of stage 'x' sum to 0.9, not 1: {a=0.5, b=0.4}");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RolloutStatus("x", new TreeMap<>(Map.of("a", 1.5, "b", -0.5)), List.of(), false))
                    .withMessageContaining("variant 'a' has a traffic share of 1.5 in stage 'x', outside [0, 1]");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RolloutStatus(" ", new TreeMap<>(Map.of("a", 1.0)), List.of(), false))
                    .withMessage("a rollout stage's name must not be blank");
        }

        @Test
        void aTransitionNeedsACause() {
            RolloutStatus status = new RolloutStatus("blue", new TreeMap<>(Map.of("blue", 1.0)), List.of(), false);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RolloutTransition(Instant.EPOCH, status, status, ""))
                    .withMessage("a rollout transition needs a cause");
        }
    }

    @Nested
    class Routes {
        @Test
        void shadowsAreOtherVariantsInOrder() {
            Route route = Route.to("blue").withShadow("green").withShadow("red");

            assertThat(route.primary()).isEqualTo("blue");
            assertThat(route.shadows()).containsExactly("green", "red");
            assertThat(route).hasToString("blue (shadows green, red)").isEqualTo(Route.to("blue").withShadow("green")
                    .withShadow("red")).hasSameHashCodeAs(Route.to("blue").withShadow("green").withShadow("red"));
            assertThat(Route.to("blue")).hasToString("blue").isNotEqualTo(route);
            assertThatIllegalArgumentException().isThrownBy(() -> route.withShadow("blue"))
                    .withMessage("variant 'blue' is already on the route blue (shadows green, red)");
            assertThatIllegalArgumentException().isThrownBy(() -> route.withShadow("green"))
                    .withMessageContaining("variant 'green' is already on the route");
            assertThatIllegalArgumentException().isThrownBy(() -> Route.to(" "))
                    .withMessage("a variant's name must not be blank");
        }
    }

    @Nested
    class Health {
        @Test
        void countsAndLatencyAreChecked() {
            assertThat(new VariantHealth(4, 1, Duration.ofMillis(3)).errorRate()).isEqualTo(0.25);
            assertThat(new VariantHealth(0, 0, Duration.ZERO).errorRate()).isZero();
            assertThatIllegalArgumentException().isThrownBy(() -> new VariantHealth(1, 2, Duration.ZERO))
                    .withMessage("a variant's health needs 0 <= errors <= requests, but had 2 errors of 1 requests");
            assertThatIllegalArgumentException().isThrownBy(() -> new VariantHealth(-1, 0, Duration.ZERO))
                    .withMessageContaining("0 <= errors <= requests");
            assertThatIllegalArgumentException().isThrownBy(() -> new VariantHealth(1, -1, Duration.ZERO))
                    .withMessageContaining("0 <= errors <= requests");
            assertThatIllegalArgumentException().isThrownBy(() -> new VariantHealth(1, 0, Duration.ofMillis(-1)))
                    .withMessage("a variant's p95 latency must not be negative, but was PT-0.001S");
        }
    }
}
