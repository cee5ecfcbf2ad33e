package dev.mlops.cli;

import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Who acts and under which access policy, shared as a picocli mixin by the commands on guarded
 * stores ({@code mlops registry ...}, {@code mlops lineage}, {@code mlops features ...}):
 * {@code --principal} (default: the operating-system user), {@code --role} and {@code --group}
 * (the principal's roles and groups, which a policy grants or denies by), and {@code --policy FILE}
 * (an {@code access-policy} document; default: the store's own default policy).
 */
class AccessOptions {
    @Option(names = "--principal", paramLabel = "NAME",
            description = "Act as this principal (default: the operating-system user).")
    private @Nullable String principal;

    @Option(names = "--role", paramLabel = "ROLE", split = ",",
            description = "A role the principal holds (repeat or separate with commas).")
    private List<String> roles = new ArrayList<>();

    @Option(names = "--group", paramLabel = "GROUP", split = ",",
            description = "A group the principal belongs to (repeat or separate with commas).")
    private List<String> groups = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The access policy, an access-policy JSON document (default: the store's default policy).")
    private @Nullable Path policy;

    AccessOptions() {
    }

    /**
     * @return the acting principal, with its roles and groups
     * @throws IllegalArgumentException if a name is not valid, naming it
     */
    final Principal principal() {
        String name = principal == null ? Principal.fromOperatingSystem().name() : principal;
        return Principal.of(name, roles, groups);
    }

    /**
     * @param fallback the store's default policy
     * @return the policy of {@code --policy}, else the fallback
     * @throws dev.mlops.core.MlopsException if the policy file cannot be read
     */
    final Policy policy(Policy fallback) {
        return policy == null ? fallback : Policy.load(policy);
    }
}
