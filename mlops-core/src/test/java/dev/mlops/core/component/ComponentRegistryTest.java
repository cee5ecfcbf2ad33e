package dev.mlops.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.json.Documents;
import dev.mlops.core.report.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ComponentRegistryTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.of(List.of(new Greeter.PoliteType(),
            new Greeter.SilentType()));
    private static final Greeter POLITE = new Greeter.Polite(new Greeter.Settings("Grüß Gott, \"du\"", 2, 0.5, true,
            Severity.WARNING, Duration.ofHours(36), List.of("a b", "c"), new Greeter.Inner("in", 1e-4), null));

    @Nested
    class RoundTrip {
        @Test
        void throughTheSpecString() {
            String text = POLITE.spec().toString();

            assertThat(text).isEqualTo("polite(greeting=\"Grüß Gott, \\\"du\\\"\", times=2, volume=0.5, shout=true,"
                    + " severity=warning, pause=PT36H, names=[\"a b\", c], inner={name=in, fraction=1.0E-4})");
            assertThat(REGISTRY.create(Greeter.class, text)).isEqualTo(POLITE);
            assertThat(ComponentSpec.parse(text)).isEqualTo(POLITE.spec());
        }

        @Test
        void throughTheJsonForm() {
            String json = Documents.write(POLITE.spec().toJson());

            Greeter read = REGISTRY.read(Greeter.class, Documents.parse(json, "greeter.json"));

            assertThat(read).isEqualTo(POLITE);
        }

        @Test
        void withoutSettings() {
            assertThat(new Greeter.Silent().spec().toString()).isEqualTo("silent()");
            assertThat(REGISTRY.create(Greeter.class, "silent")).isEqualTo(new Greeter.Silent());
            assertThat(REGISTRY.create(Greeter.class, " silent ( ) ")).isEqualTo(new Greeter.Silent());
        }

        @Test
        void textThatLooksLikeANumberIsQuoted() {
            Greeter greeter = REGISTRY.create(Greeter.class, "polite(greeting=\"42\", times=1, volume=1, shout=false,"
                    + " severity=ERROR)");

            assertThat(greeter.spec().toString()).startsWith("polite(greeting=\"42\", times=1, volume=1.0,");
            assertThat(REGISTRY.create(Greeter.class, greeter.spec().toString())).isEqualTo(greeter);
        }
    }

    @Nested
    class Errors {
        @Test
        void unknownTypeSuggestsTheNearest() {
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class, "polit(times=1)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("spec 'polit(times=1)': unknown Greeter type 'polit'; did you mean 'polite'?")
                    .hasMessageContaining("(known types: polite, silent;");
        }

        @Test
        void unknownSettingSuggestsTheNearest() {
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class, "polite(greting=hi, times=1)"))
                    .hasMessageContaining("unknown setting 'greting' of Greeter 'polite'; did you mean 'greeting'?");
        }

        @Test
        void missingPrimitiveSettingIsRequired() {
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class, "polite(greeting=hi)"))
                    .hasMessageContaining("the setting 'times' of Greeter 'polite' is required (an integer)");
        }

        @Test
        void wrongTypeNamesTheSettingAndValue() {
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class,
                    "polite(greeting=hi, times=many, volume=1, shout=true, severity=error)"))
                    .hasMessageContaining("the setting 'times' of Greeter 'polite' must be an integer but was \"many\"")
                    .hasMessageNotContaining("jackson");
        }

        @Test
        void refusedSettingsCarryTheRecordsMessage() {
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class,
                    "polite(greeting=hi, times=0, volume=1, shout=true, severity=error)"))
                    .hasMessageContaining("Greeter 'polite' refuses its settings: times must be at least 1 but was 0");
        }

        @Test
        void syntaxErrorPointsAtTheCharacter() {
            assertThatThrownBy(() -> ComponentSpec.parse("polite(times=1"))
                    .hasMessage("spec 'polite(times=1' at character 15 (the end): expected ',' or ')' after the"
                            + " setting 'times'");
            assertThatThrownBy(() -> ComponentSpec.parse("polite(times=1, times=2)"))
                    .hasMessageContaining("at character 17 ('t'): the setting 'times' is given twice");
            assertThatThrownBy(() -> ComponentSpec.parse("polite(greeting=\"hi)"))
                    .hasMessageContaining("at character 17 ('\"'): the string that starts here has no closing");
        }

        @Test
        void duplicateTypesAreRefused() {
            assertThatThrownBy(() -> REGISTRY.with(List.of(new Greeter.PoliteType())))
                    .hasMessageContaining("two component types are registered as Greeter 'polite'");
        }
    }
}
