package dev.mlops.core.component;

import dev.mlops.core.report.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A component of the tests: one of every kind of setting. */
public interface Greeter extends Component {

    String greet(String name);

    /** Settings of {@link Polite}: text, integer, number, boolean, enum, duration, list, nested record, optional. */
    record Settings(String greeting, long times, double volume, boolean shout, Severity severity, Duration pause,
            List<String> names, Inner inner, @Nullable String signature) {
        public Settings {
            Objects.requireNonNull(greeting, "greeting");
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1 but was " + times);
            }
            pause = pause == null ? Duration.ZERO : pause;
            names = names == null ? List.of() : List.copyOf(names);
            inner = inner == null ? new Inner("x", 0) : inner;
        }
    }

    /** A nested settings record. */
    record Inner(String name, double fraction) {
    }

    /** The one implementation. */
    record Polite(Settings settings) implements Greeter {
        @Override
        public String type() {
            return "polite";
        }

        @Override
        public String greet(String name) {
            return (settings.greeting() + ", " + name).repeat((int) settings.times());
        }
    }

    /** Its type. */
    final class PoliteType extends ComponentType<Greeter, Settings> {
        public PoliteType() {
            super(Greeter.class, "polite", Settings.class, "greets politely");
        }

        @Override
        public Greeter create(Settings settings) {
            return new Polite(settings);
        }
    }

    /** Settings of a component without settings. */
    record None() {
    }

    /** A component without settings. */
    record Silent() implements Greeter {
        @Override
        public String type() {
            return "silent";
        }

        @Override
        public Record settings() {
            return new None();
        }

        @Override
        public String greet(String name) {
            return "";
        }
    }

    /** Its type. */
    final class SilentType extends ComponentType<Greeter, None> {
        public SilentType() {
            super(Greeter.class, "silent", None.class, "says nothing");
        }

        @Override
        public Greeter create(None settings) {
            return new Silent();
        }
    }
}
