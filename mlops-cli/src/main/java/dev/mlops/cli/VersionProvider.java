package dev.mlops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Answers {@code --version} with mlops's version, read from the {@code version.properties}
 * resource that the build filters, and the Java runtime's version.
 */
final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "version.properties";
    private static final String UNKNOWN = "(unknown version)";

    VersionProvider() {
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "mlops " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ")"
        };
    }

    /** @return mlops's version, such as {@code 0.1.0}, or a placeholder when the resource was not filtered */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            String version = properties.getProperty("version", "").strip();
            return version.isEmpty() || version.contains("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + RESOURCE, e);
        }
    }
}
