package dev.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.component.Component;
import dev.mlops.core.component.ComponentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin jar in a test, as a user would: compiles the sources of a component kind
 * of its own ({@code example.plugin.Greeting}, a {@link Component}) and a {@link ComponentType}
 * of it ({@code hello}, settings {@code greeting} and {@code times}) with the JDK's compiler, and
 * jars the classes with the services file that lists the type.
 */
final class PluginJar {
    /** The type's binary name, as the services file lists it. */
    static final String TYPE_CLASS = "example.plugin.HelloType";

    private static final String GREETING = """
            package example.plugin;

            /** A component kind that mlops does not know. */
            public interface Greeting extends dev.mlops.core.component.Component {
                String greet(String name);
            }
            """;

    private static final String HELLO_TYPE = """
            package example.plugin;

            import dev.mlops.core.component.ComponentType;

            public final class HelloType extends ComponentType<Greeting, HelloType.Settings> {
                public record Settings(String greeting, int times) {
                }

                public record Hello(Settings settings) implements Greeting {
                    @Override
                    public String type() {
                        return "hello";
                    }

                    @Override
                    public String greet(String name) {
                        return (settings.greeting() + ", " + name + "\\n").repeat(settings.times());
                    }
                }

                public HelloType() {
                    super(Greeting.class, "hello", Settings.class, "greets a name, again and again");
                }

                @Override
                public Greeting create(Settings settings) {
                    return new Hello(settings);
                }
            }
            """;

    private PluginJar() {
    }

    /**
     * @param work an empty directory for the sources and classes
     * @param jar the jar to write
     * @param services the lines of the jar's {@code META-INF/services/...ComponentType}
     * @return the jar
     */
    static Path build(Path work, Path jar, String... services) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/example/plugin"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path greeting = Files.writeString(sources.resolve("Greeting.java"), GREETING, StandardCharsets.UTF_8);
        Path helloType = Files.writeString(sources.resolve("HelloType.java"), HELLO_TYPE, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("the JDK's compiler").isNotNull();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-classpath", mlopsCore(),
                "--release", "17", greeting.toString(), helloType.toString());
        assertThat(status).as("javac's exit status").isZero();
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path file : files(classes)) {
                put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            put(out, "META-INF/services/" + ComponentType.class.getName(),
                    (String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** @return a plugin jar that lists {@link #TYPE_CLASS} */
    static Path build(Path work, Path jar) throws IOException {
        return build(work, jar, "# the plugin's types", TYPE_CLASS);
    }

    private static List<Path> files(Path classes) throws IOException {
        try (Stream<Path> walk = Files.walk(classes)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /** @return where this JVM loads mlops-core from, the plugin's compile class path */
    private static String mlopsCore() {
        try {
            return Path.of(Component.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot locate mlops-core", e));
        }
    }
}
