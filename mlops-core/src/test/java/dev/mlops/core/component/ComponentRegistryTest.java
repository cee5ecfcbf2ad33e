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
        void aWrongListOrEnumNamesTheExpectedValues() {
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class,
                    "polite(greeting=hi, times=1, volume=1, shout=true, severity=fatal)"))
                    .hasMessageContaining("Greeter 'polite' refuses its settings: severity must be one of error,"
                            + " warning, info but was 'fatal'");
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class,
                    "polite(greeting=hi, times=1, volume=1, shout=maybe, severity=info)"))
                    .hasMessageContaining("the setting 'shout' of Greeter 'polite' must be true or false but was \"maybe\"");
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class,
                    "polite(greeting=hi, times=1, volume=1, shout=true, severity=info, inner={name=x, fraction=much})"))
                    .hasMessageContaining("the setting 'inner.fraction' of Greeter 'polite' must be a number but was"
                            + " \"much\"");
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class,
                    "polite(greeting=hi, times=1, volume=1, shout=true, severity=info, inner={name=x, fraction=1, depth=1})"))
                    .hasMessageContaining("unknown setting 'depth' of Greeter 'polite'");
        }

        @Test
        void aMissingNestedPrimitiveIsRequired() {
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class,
                    "polite(greeting=hi, times=1, volume=1, shout=true, severity=info, inner={name=x})"))
                    .hasMessageEndingWith("the setting 'inner.fraction' of Greeter 'polite' is required (a number)");
        }

        @Test
        void aDocumentObjectNamesItsPlace() {
            assertThatThrownBy(() -> REGISTRY.read(Greeter.class, Documents.parse(
                    "{\"greeters\": [{\"type\": \"polit\"}]}", "g.json").objects("greeters").get(0)))
                    .hasMessageStartingWith("g.json: greeters[0]: unknown Greeter type 'polit'; did you mean 'polite'?");
            assertThatThrownBy(() -> REGISTRY.read(Greeter.class, Documents.parse("{\"type\": \"polite\", \"times\": 1,"
                    + " \"volume\": 1, \"shout\": true, \"severity\": \"info\"}", "g.json")))
                    .hasMessageStartingWith("g.json: Greeter 'polite' refuses its settings: ")
                    .hasMessageContaining("greeting");
        }

        @Test
        void duplicateTypesAreRefused() {
            assertThatThrownBy(() -> REGISTRY.with(List.of(new Greeter.PoliteType())))
                    .hasMessageContaining("two component types are registered as Greeter 'polite'");
        }
    }

    @Nested
    class Lookup {
        @Test
        void defaultsFindTheTypesListedForServiceLoader() {
            assertThat(ComponentRegistry.defaults().types(Greeter.class)).extracting(ComponentType::name)
                    .containsExactly("polite", "silent");
            assertThat(ComponentRegistry.defaults()).isSameAs(ComponentRegistry.defaults());
            assertThat(ComponentRegistry.load(getClass().getClassLoader()).create(Greeter.class, "silent"))
                    .isEqualTo(new Greeter.Silent());
        }

        @Test
        void typesOfASuperKindIncludeThoseOfItsSubKinds() {
            assertThat(REGISTRY.types(Component.class)).hasSize(2);
            assertThat(REGISTRY.types()).hasSize(2);
            assertThat(REGISTRY.find(Greeter.class, "silent")).isPresent();
            assertThat(REGISTRY.find(Greeter.class, "loud")).isEmpty();
            assertThat(ComponentRegistry.of(List.of()).types(Greeter.class)).isEmpty();
        }

        @Test
        void typesAreSortedByKindAndName() {
            ComponentType<AbstractComponentTest.Sampler, AbstractComponentTest.Size> sampler = new ComponentType<>(
                    AbstractComponentTest.Sampler.class, "sampler", AbstractComponentTest.Size.class, "") {
                @Override
                public AbstractComponentTest.Sampler create(AbstractComponentTest.Size settings) {
                    return new AbstractComponentTest.Sampler(settings.rows());
                }
            };
            ComponentRegistry registry = ComponentRegistry.of(List.of(new Greeter.SilentType(), sampler,
                    new Greeter.PoliteType()));

            assertThat(registry.types()).extracting(ComponentType::name).containsExactly("sampler", "polite", "silent");
            assertThat(registry.types(Component.class)).extracting(ComponentType::name)
                    .containsExactly("polite", "sampler", "silent");
        }

        @Test
        void aTypeWithoutSettingsSaysSoWhenGivenOne() {
            assertThatThrownBy(() -> REGISTRY.create(Greeter.class, "silent(volume=2)"))
                    .hasMessageEndingWith("unknown setting 'volume' of Greeter 'silent' (its settings: none)");
        }

        @Test
        void aKindOfAnotherBranchIsNotFound() {
            interface Other extends Component {
            }
            assertThat(REGISTRY.types(Other.class)).isEmpty();
            assertThatThrownBy(() -> REGISTRY.create(Other.class, "silent"))
                    .hasMessageContaining("unknown Other type 'silent' (known types: none;");
        }

        @Test
        void typesDescribeThemselves() {
            ComponentType<?, ?> polite = REGISTRY.find(Greeter.class, "polite").orElseThrow();

            assertThat(polite.kind()).isEqualTo(Greeter.class);
            assertThat(polite.settingsType()).isEqualTo(Greeter.Settings.class);
            assertThat(polite.description()).isEqualTo("greets politely");
            assertThat(polite.settingNames()).containsExactly("greeting", "times", "volume", "shout", "severity",
                    "pause", "names", "inner", "signature");
            assertThat(polite).hasToString("Greeter 'polite'");
        }
    }

    @Nested
    class Types {
        record WithType(String type) {
        }

        @Test
        void aTypeNameMustBeAWord() {
            assertThatThrownBy(() -> new ComponentType<Greeter, Greeter.None>(Greeter.class, "9lives", Greeter.None.class,
                    "") {
                @Override
                public Greeter create(Greeter.None settings) {
                    return new Greeter.Silent();
                }
            }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was '9lives'");
        }

        @Test
        void aSettingMayNotBeNamedType() {
            assertThatThrownBy(() -> new ComponentType<Greeter, WithType>(Greeter.class, "typed", WithType.class, "") {
                @Override
                public Greeter create(WithType settings) {
                    return new Greeter.Silent();
                }
            }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not have a component named 'type'");
        }

        @Test
        void aTypeThatRefusesOrReturnsNullIsReported() {
            ComponentType<Greeter, Greeter.None> refusing = new ComponentType<>(Greeter.class, "refusing",
                    Greeter.None.class, "") {
                @Override
                public Greeter create(Greeter.None settings) {
                    throw new IllegalArgumentException("never");
                }
            };
            ComponentType<Greeter, Greeter.None> broken = new ComponentType<>(Greeter.class, "broken",
                    Greeter.None.class, "") {
                @Override
                public Greeter create(Greeter.None settings) {
                    return null;
                }
            };
            ComponentRegistry registry = REGISTRY.with(List.of(refusing, broken));

            assertThatThrownBy(() -> registry.create(Greeter.class, "refusing"))
                    .hasMessage("spec 'refusing': Greeter 'refusing' refuses its settings: never");
            assertThatThrownBy(() -> registry.create(Greeter.class, "broken()"))
                    .hasMessageStartingWith("spec 'broken()': Greeter 'broken' (")
                    .hasMessageEndingWith(") returned null");
        }
    }
}
