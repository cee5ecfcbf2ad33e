package dev.mlops.cli;

import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The component types the commands know: the built-in ones, and a plugin directory's. {@code java -jar}
 * ignores {@code -cp}, so a user's components come from the {@code *.jar} files of the directory that
 * {@code --plugins DIR} names, or else the environment variable {@value #ENVIRONMENT}, through a
 * {@link URLClassLoader} whose parent is the CLI's class loader and {@link ComponentRegistry#load}.
 *
 * <p>A plugin directory that does not exist, is not a directory or holds no {@code *.jar} file is
 * an error, as are a jar that cannot be read and a type that cannot be loaded: naming a directory
 * says that its plugins are needed, so mlops does not go on without them. Every error is a
 * {@link ComponentException} whose message names the directory, jar or class. Not thread-safe;
 * close it when the command is done, which closes the jars.
 */
final class Plugins implements AutoCloseable {
    /** The environment variable that names the plugin directory when {@code --plugins} is absent. */
    static final String ENVIRONMENT = "MLOPS_PLUGINS";

    private static final String SERVICES = "META-INF/services/" + ComponentType.class.getName();

    private final @Nullable URLClassLoader loader;
    private final ComponentRegistry registry;

    private Plugins(@Nullable URLClassLoader loader, ComponentRegistry registry) {
        this.loader = loader;
        this.registry = registry;
    }

    /**
     * Loads the plugins that the option or, without it, the environment names.
     *
     * @param option the value of {@code --plugins}, or null when it was not given
     * @param environment the process's environment, where {@value #ENVIRONMENT} may name a directory
     * @param parent the class loader that sees mlops-java, the plugins' class loader's parent
     * @return the built-in types alone ({@link ComponentRegistry#defaults()}) when neither names a
     *     directory (an empty or blank variable names none), or those and the directory's
     * @throws ComponentException if the directory is missing or has no jar, a jar cannot be read or
     *     a listed type cannot be loaded; the message names the option or variable and the jar or class
     */
    static Plugins load(@Nullable Path option, Map<String, String> environment, ClassLoader parent) {
        if (option != null) {
            return load(option, "--plugins " + option, parent);
        }
        String variable = environment.get(ENVIRONMENT);
        if (variable == null || variable.isBlank()) {
            return new Plugins(null, ComponentRegistry.defaults());
        }
        return load(Path.of(variable), ENVIRONMENT + "=" + variable, parent);
    }

    private static Plugins load(Path directory, String origin, ClassLoader parent) {
        if (!Files.exists(directory)) {
            throw new ComponentException("the plugin directory does not exist (" + origin + ")");
        }
        if (!Files.isDirectory(directory)) {
            throw new ComponentException("the plugin directory is not a directory (" + origin + ")");
        }
        List<Path> jars = jars(directory, origin);
        if (jars.isEmpty()) {
            throw new ComponentException("the plugin directory holds no *.jar file (" + origin + ")");
        }
        Map<Path, List<String>> listed = new LinkedHashMap<>();
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            listed.put(jar, listedTypes(jar));
            urls.add(url(jar));
        }
        URLClassLoader loader = new URLClassLoader("mlops-plugins", urls.toArray(URL[]::new), parent);
        try {
            return new Plugins(loader, ComponentRegistry.load(loader));
        } catch (ComponentException | LinkageError e) {
            close(loader);
            String message = e instanceof ComponentException ? e.getMessage()
                    : "a component type cannot be loaded: " + e;
            throw new ComponentException(listedIn(listed, message) + message, e);
        }
    }

    /** @return the types the commands may build */
    ComponentRegistry registry() {
        return registry;
    }

    /** Closes the plugins' jars; the built-in types need nothing closed. */
    @Override
    public void close() {
        if (loader != null) {
            close(loader);
        }
    }

    private static List<Path> jars(Path directory, String origin) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ComponentException("the plugin directory cannot be listed (" + origin + "): " + e.getMessage(), e);
        }
    }

    /** @return "the plugin jar J lists C: " for the jar whose services file lists a class the message names */
    private static String listedIn(Map<Path, List<String>> listed, String message) {
        for (Map.Entry<Path, List<String>> jar : listed.entrySet()) {
            for (String type : jar.getValue()) {
                if (message.contains(type)) {
                    return "the plugin jar " + jar.getKey() + " lists " + type + ": ";
                }
            }
        }
        return "";
    }

    /**
     * Reads the types a jar lists; opening it also checks that it is a jar, which a class loader
     * would skip without a word.
     */
    private static List<String> listedTypes(Path jar) {
        List<String> types = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(SERVICES);
            if (entry == null) {
                return types;
            }
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int comment = line.indexOf('#');
                    String type = (comment < 0 ? line : line.substring(0, comment)).trim();
                    if (!type.isEmpty()) {
                        types.add(type);
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            throw new ComponentException("the plugin jar " + jar + " cannot be read as a jar: " + e.getMessage(), e);
        }
        return types;
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ComponentException("the plugin jar " + jar + " has no URL: " + e.getMessage(), e);
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the plugins' jars", e);
        }
    }
}
