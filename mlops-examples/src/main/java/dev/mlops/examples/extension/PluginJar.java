package dev.mlops.examples.extension;

import dev.mlops.core.component.ComponentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Packs a user's components into a plugin jar for {@code mlops --plugins DIR}: the class files of
 * the given top-level classes with every class nested in them (settings records, component types,
 * anonymous classes), and the {@code META-INF/services/dev.mlops.core.component.ComponentType}
 * file that lists each concrete {@link ComponentType} among them. The jar holds only these classes:
 * mlops-java itself comes from {@code mlops.jar}, the plugins' class loader's parent. In a
 * project of your own the build makes this jar (a plain {@code jar} of your components and
 * the services file); this class does it for classes already compiled, from a directory or a jar.
 *
 * <pre>{@code
 * Path jar = PluginJar.write(Path.of("plugins/credit-components.jar"), InstalmentCheck.class);
 * }</pre>
 */
public final class PluginJar {
    /** Where {@link java.util.ServiceLoader} looks for component types. */
    public static final String SERVICES = "META-INF/services/" + ComponentType.class.getName();

    private PluginJar() {
        throw new AssertionError("no instances");
    }

    /**
     * Writes the plugin jar, replacing a file of that name.
     *
     * @param jar the jar to write; its directory is created when absent
     * @param classes top-level classes, each loaded from a class directory or a jar
     * @return {@code jar}
     * @throws IllegalArgumentException if no class is given, a class is nested, or none of the
     *     classes holds a component type
     * @throws UncheckedIOException if a class file cannot be read or the jar written
     */
    public static Path write(Path jar, Class<?>... classes) {
        Objects.requireNonNull(jar, "jar");
        if (classes.length == 0) {
            throw new IllegalArgumentException("a plugin jar needs at least one class");
        }
        List<String> types = new ArrayList<>();
        try {
            Path parent = jar.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                for (Class<?> top : classes) {
                    if (top.getEnclosingClass() != null) {
                        throw new IllegalArgumentException(top.getName() + " is nested; give its top-level class "
                                + top.getEnclosingClass().getName());
                    }
                    for (String name : classFiles(top)) {
                        add(out, name, read(top, name));
                        String binaryName = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                        if (isComponentType(top.getClassLoader(), binaryName)) {
                            types.add(binaryName);
                        }
                    }
                }
                if (types.isEmpty()) {
                    throw new IllegalArgumentException("none of " + List.of(classes) + " holds a concrete "
                            + ComponentType.class.getSimpleName() + ", so the plugin would add nothing");
                }
                add(out, SERVICES, (String.join("\n", types) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plugin jar " + jar + ": " + e.getMessage(), e);
        }
        return jar;
    }

    /** The class file of a top-level class and of every class nested in it, as jar entry names, sorted. */
    private static TreeSet<String> classFiles(Class<?> top) throws IOException {
        String packagePath = top.getPackageName().replace('.', '/');
        String simple = top.getSimpleName();
        TreeSet<String> names = new TreeSet<>();
        Path location = location(top);
        try (@Nullable FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path root = jar == null ? location : jar.getPath("/");
            try (Stream<Path> files = Files.list(root.resolve(packagePath))) {
                files.map(file -> file.getFileName().toString())
                        .filter(file -> file.equals(simple + ".class")
                                || file.startsWith(simple + "$") && file.endsWith(".class"))
                        .forEach(file -> names.add(packagePath + "/" + file));
            }
        }
        return names;
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalArgumentException(type.getName() + " has no code source to read its class files from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(type.getName() + " comes from " + source.getLocation()
                    + ", which is not a file", e);
        }
    }

    private static byte[] read(Class<?> top, String name) throws IOException {
        try (InputStream in = top.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("class file " + name + " is not on " + top.getName() + "'s class path");
            }
            return in.readAllBytes();
        }
    }

    private static boolean isComponentType(ClassLoader loader, String binaryName) {
        try {
            Class<?> type = Class.forName(binaryName, false, loader);
            return ComponentType.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class " + binaryName + " was listed but cannot be loaded", e);
        }
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }
}
