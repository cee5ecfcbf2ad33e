package dev.mlops.testkit.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.Component;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The settings round trip catches a component whose type is not registered and one whose
 * settings forget part of it, and passes a sound one.
 */
class SettingsRoundTripSelfTest {

    /** A component of the tests. */
    interface Speaker extends Component {
        String speak();
    }

    /** The settings that {@link Echo#settings()} gives: the word, but not how often. */
    record EchoSettings(String word) {
    }

    /** Says a word some times; its settings forget the times unless it says the word once. */
    record Echo(String word, int times) implements Speaker {
        @Override
        public String type() {
            return "echo";
        }

        @Override
        public Record settings() {
            return new EchoSettings(word);
        }

        @Override
        public String speak() {
            return word.repeat(times);
        }
    }

    /** The type of {@link Echo}, which rebuilds it saying the word once. */
    static final class EchoType extends ComponentType<Speaker, EchoSettings> {
        EchoType() {
            super(Speaker.class, "echo", EchoSettings.class, "says a word");
        }

        @Override
        public Speaker create(EchoSettings settings) {
            return new Echo(settings.word(), 1);
        }
    }

    /** The piece for an echo, with the given registry. */
    private static SettingsRoundTrip<Speaker, String> roundTrip(Echo echo, ComponentRegistry registry) {
        return new SettingsRoundTrip<>() {
            @Override
            public Speaker component() {
                return echo;
            }

            @Override
            public Class<Speaker> kind() {
                return Speaker.class;
            }

            @Override
            public ComponentRegistry registry() {
                return registry;
            }

            @Override
            public String behaviour(Speaker speaker) {
                return speaker.speak();
            }
        };
    }

    private static final ComponentRegistry ECHOES = ComponentRegistry.of(List.of(new EchoType()));

    @Test
    void anUnregisteredTypeFailsNamingTheServicesFile() {
        SettingsRoundTrip<Speaker, String> piece = roundTrip(new Echo("hi", 1), ComponentRegistry.of(List.of()));

        assertThatThrownBy(piece::itsTypeIsRegistered).isInstanceOf(AssertionError.class)
                .hasMessage("no Speaker type 'echo' is registered: list its ComponentType's class in"
                        + " META-INF/services/dev.mlops.core.component.ComponentType of its jar");
    }

    @Test
    void settingsThatForgetPartOfTheComponentFailEveryRebuild() {
        SettingsRoundTrip<Speaker, String> piece = roundTrip(new Echo("hi", 3), ECHOES);

        assertThatThrownBy(piece::itsSpecStringRebuildsAnEqualComponent).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the component rebuilt from the spec string echo(word=hi)")
                .hasMessageContaining("Echo[word=hi, times=1]");
        assertThatThrownBy(piece::itsJsonRebuildsAnEqualComponent).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the component rebuilt from the JSON {");
        assertThatThrownBy(piece::theRebuiltComponentBehavesTheSame).isInstanceOf(AssertionError.class)
                .hasMessage("the component rebuilt from echo(word=hi) behaves differently: expected hihihi but got hi");
    }

    @Test
    void aComponentWhoseSettingsRebuildItPasses() {
        SettingsRoundTrip<Speaker, String> piece = roundTrip(new Echo("hi", 1), ECHOES);

        assertThatCode(() -> {
            piece.itsTypeIsRegistered();
            piece.itsSpecStringRebuildsAnEqualComponent();
            piece.itsJsonRebuildsAnEqualComponent();
            piece.theRebuiltComponentBehavesTheSame();
        }).doesNotThrowAnyException();
    }
}
