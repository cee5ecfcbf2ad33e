package dev.mlops.core.access;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who acts: a name with the roles and groups a {@link Policy} grants or denies by.
 *
 * <pre>{@code
 * Principal ci = Principal.of("ci-bot", List.of("pipeline"), List.of("ml-platform"));
 * Principal me = Principal.fromOperatingSystem();   // the CLI's default
 * Principal you = Principal.of("alice");            // the CLI's --principal alice
 * }</pre>
 *
 * <p>Names of principals, roles and groups have 1 to 256 characters, no white space, no control
 * character and no {@code '*'}. Roles and groups are kept sorted and without duplicates. A
 * principal is an immutable value: equal name, roles and groups make equal principals.
 *
 * <p>A principal is a claim, not a proof: this library does not authenticate. Whoever builds a
 * principal decides who it is (the CLI believes the operating system or its {@code --principal}
 * option), so policies protect against mistakes and keep honest users to their roles; they do
 * not stop someone who can run code with any principal they like.
 *
 * @param name the principal's name, such as a user or a service account
 * @param roles the roles it holds, such as {@code pipeline} or {@code reviewer}; sorted, unmodifiable
 * @param groups the groups it belongs to, such as a team; sorted, unmodifiable
 */
public record Principal(String name, SortedSet<String> roles, SortedSet<String> groups) {

    /** The system property {@link #fromOperatingSystem()} reads. */
    public static final String USER_NAME_PROPERTY = "user.name";

    /**
     * Validates the names and copies the sets.
     *
     * @param name the principal's name
     * @param roles the roles it holds
     * @param groups the groups it belongs to
     * @throws IllegalArgumentException if a name is empty, too long, or holds white space, a
     *     control character or {@code '*'}; the message names it
     */
    public Principal {
        Names.check("principal name", name);
        roles = copy("role", roles, name);
        groups = copy("group", groups, name);
    }

    /**
     * Names a principal with no roles and no groups.
     *
     * @param name the principal's name
     * @return the principal
     * @throws IllegalArgumentException if the name is not valid
     */
    public static Principal of(String name) {
        return new Principal(name, Collections.emptySortedSet(), Collections.emptySortedSet());
    }

    /**
     * Names a principal with roles and groups.
     *
     * @param name the principal's name
     * @param roles the roles it holds
     * @param groups the groups it belongs to
     * @return the principal
     * @throws IllegalArgumentException if a name is not valid
     */
    public static Principal of(String name, Collection<String> roles, Collection<String> groups) {
        return new Principal(name, new TreeSet<>(checkElements("roles", roles)),
                new TreeSet<>(checkElements("groups", groups)));
    }

    /**
     * The operating-system user running this JVM (the {@code user.name} system property), with
     * no roles and no groups: the CLI's principal unless {@code --principal} names another.
     *
     * @return the principal
     * @throws IllegalStateException if the property is absent or not a valid name
     */
    public static Principal fromOperatingSystem() {
        return fromUserName(Optional.ofNullable(System.getProperty(USER_NAME_PROPERTY)));
    }

    /**
     * The principal for a user name read from the system.
     *
     * @param userName the value of {@code user.name}, if set
     * @return the principal
     * @throws IllegalStateException if the value is absent or not a valid name
     */
    static Principal fromUserName(Optional<String> userName) {
        String name = userName.orElseThrow(() -> new IllegalStateException("the system property "
                + USER_NAME_PROPERTY + " is not set; name the principal explicitly (the CLI's --principal)"));
        try {
            return of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the operating-system user name (system property " + USER_NAME_PROPERTY
                    + ") cannot name a principal: " + e.getMessage()
                    + "; name the principal explicitly (the CLI's --principal)", e);
        }
    }

    /**
     * Returns this principal with more roles.
     *
     * @param more the roles to add
     * @return a principal with the same name and groups and the union of the roles
     * @throws IllegalArgumentException if a role is not a valid name
     */
    public Principal withRoles(String... more) {
        TreeSet<String> all = new TreeSet<>(roles);
        all.addAll(checkElements("roles", List.of(more)));
        return new Principal(name, all, groups);
    }

    /**
     * Returns this principal in more groups.
     *
     * @param more the groups to add
     * @return a principal with the same name and roles and the union of the groups
     * @throws IllegalArgumentException if a group is not a valid name
     */
    public Principal withGroups(String... more) {
        TreeSet<String> all = new TreeSet<>(groups);
        all.addAll(checkElements("groups", List.of(more)));
        return new Principal(name, roles, all);
    }

    /**
     * Tells whether this principal holds a role.
     *
     * @param role a role name
     * @return true if it is one of {@link #roles()}
     */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * Tells whether this principal belongs to a group.
     *
     * @param group a group name
     * @return true if it is one of {@link #groups()}
     */
    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    @Override
    public String toString() {
        return name + " (roles " + roles + ", groups " + groups + ")";
    }

    private static <C extends Collection<String>> C checkElements(String what, C names) {
        Objects.requireNonNull(names, what);
        for (Object element : names) {
            if (element == null) {
                throw new IllegalArgumentException(what + " must not hold null but were " + names);
            }
        }
        return names;
    }

    private static SortedSet<String> copy(String what, SortedSet<String> names, String principal) {
        checkElements(what + "s", names);
        TreeSet<String> copy = new TreeSet<>();
        for (String element : names) {
            try {
                copy.add(Names.check(what, element));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("principal '" + principal + "': " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
