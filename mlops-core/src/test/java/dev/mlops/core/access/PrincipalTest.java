package dev.mlops.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrincipalTest {

    @Nested
    class Naming {
        @Test
        void aNamedPrincipalHasNoRolesOrGroups() {
            Principal alice = Principal.of("alice");
            assertThat(alice.name()).isEqualTo("alice");
            assertThat(alice.roles()).isEmpty();
            assertThat(alice.groups()).isEmpty();
        }

        @Test
        void rolesAndGroupsAreSortedWithoutDuplicatesAndUnmodifiable() {
            Principal bot = Principal.of("ci-bot", List.of("pipeline", "author", "pipeline"), List.of("ml", "data"));
            assertThat(bot.roles()).containsExactly("author", "pipeline");
            assertThat(bot.groups()).containsExactly("data", "ml");
            assertThatThrownBy(() -> bot.roles().add("admin")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> bot.groups().add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThat(bot.hasRole("pipeline")).isTrue();
            assertThat(bot.hasRole("reviewer")).isFalse();
            assertThat(bot.inGroup("ml")).isTrue();
            assertThat(bot.inGroup("ops")).isFalse();
        }

        @Test
        void theSetsAreCopied() {
            TreeSet<String> roles = new TreeSet<>(List.of("a"));
            Principal p = new Principal("p", roles, new TreeSet<>());
            roles.add("b");
            assertThat(p.roles()).containsExactly("a");
        }

        @Test
        void withRolesAndWithGroupsAdd() {
            Principal p = Principal.of("p", List.of("a"), List.of("g")).withRoles("b").withGroups("h");
            assertThat(p).isEqualTo(Principal.of("p", List.of("a", "b"), List.of("g", "h")));
            assertThat(p.toString()).isEqualTo("p (roles [a, b], groups [g, h])");
        }

        @Test
        void unicodeAndPunctuationAreFine() {
            assertThat(Principal.of("joão.silva@münchen", List.of(), List.of()).name())
                    .isEqualTo("joão.silva@münchen");
            assertThat(Principal.of("DOMAIN\\user").name()).isEqualTo("DOMAIN\\user");
        }
    }

    @Nested
    class Validation {
        @ParameterizedTest
        @ValueSource(strings = {"", "al ice", "tab\there", "new\nline", "star*", "nbsp\u00a0x"})
        void badNamesAreRefusedNamingThem(String name) {
            assertThatThrownBy(() -> Principal.of(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("principal name must");
        }

        @Test
        void messagesSayWhatIsWrong() {
            assertThatThrownBy(() -> Principal.of(""))
                    .hasMessage("principal name must not be empty");
            assertThatThrownBy(() -> Principal.of("al ice"))
                    .hasMessage("principal name must not contain white space or control characters but 'al ice'"
                            + " has one at index 2");
            assertThatThrownBy(() -> Principal.of("a\u0007b"))
                    .hasMessage("principal name must not contain white space or control characters but 'a?b'"
                            + " has one at index 1");
            assertThatThrownBy(() -> Principal.of("a*"))
                    .hasMessage("principal name must not contain '*' (kept for wildcards in rules) but was 'a*'");
            assertThatThrownBy(() -> Principal.of("x".repeat(257)))
                    .hasMessage("principal name must have at most 256 characters but had 257: '"
                            + "x".repeat(40) + "...'");
            assertThat(Principal.of("x".repeat(256)).name()).hasSize(256);
            assertThatThrownBy(() -> Principal.of(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("principal name");
        }

        @Test
        void badRolesAndGroupsNameThePrincipal() {
            assertThatThrownBy(() -> Principal.of("bob", List.of("ok", "bad role"), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("principal 'bob': role must not contain white space or control characters but"
                            + " 'bad role' has one at index 3");
            assertThatThrownBy(() -> Principal.of("bob").withGroups("*"))
                    .hasMessage("principal 'bob': group must not contain '*' (kept for wildcards in rules) but was '*'");
            assertThatThrownBy(() -> Principal.of("bob", Arrays.asList("a", null), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("roles must not hold null but were [a, null]");
            assertThatThrownBy(() -> Principal.of("bob").withRoles((String) null))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Principal.of("bob", null, List.of()))
                    .isInstanceOf(NullPointerException.class).hasMessage("roles");
        }
    }

    @Nested
    class OperatingSystem {
        @Test
        void fromOperatingSystemIsTheUserNameProperty() {
            assertThat(Principal.fromOperatingSystem()).isEqualTo(Principal.of(System.getProperty("user.name")));
        }

        @Test
        void anAbsentUserNameSaysToNameThePrincipal() {
            assertThatThrownBy(() -> Principal.fromUserName(Optional.empty()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the system property user.name is not set; name the principal explicitly"
                            + " (the CLI's --principal)");
        }

        @Test
        void anUnusableUserNameSaysWhy() {
            assertThatThrownBy(() -> Principal.fromUserName(Optional.of("John Smith")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the operating-system user name (system property user.name) cannot name a principal:"
                            + " principal name must not contain white space or control characters but 'John Smith'"
                            + " has one at index 4; name the principal explicitly (the CLI's --principal)")
                    .hasCauseInstanceOf(IllegalArgumentException.class);
        }
    }
}
