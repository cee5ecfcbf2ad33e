package dev.mlops.deploy.registry;

import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentRegistry;
import java.time.Instant;
import java.util.List;

/** What the registry's tests share: principals, the test format's registry, a start time. */
final class RegistryFixture {
    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    static final ComponentRegistry FORMATS = ComponentRegistry.defaults().with(List.of(new ConstantFormat.Type()));
    static final Principal ALICE = Principal.of("alice");
    static final Principal BOB = Principal.of("bob");
    static final Principal CI = Principal.of("ci-bot", List.of(ModelRegistry.PIPELINE_ROLE), List.of());

    private RegistryFixture() {
    }

    static Registration constant(String model, String label) {
        return Registration.builder(model).artifact(ConstantFormat.TYPE, ConstantFormat.bytes(label)).build();
    }
}
