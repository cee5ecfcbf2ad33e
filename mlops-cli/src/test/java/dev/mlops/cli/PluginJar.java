package dev.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlops.core.component.Component;
import dev.mlops.core.component.ComponentType;
import dev.mlops.data.io.TableFormat;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.train.predict.Predictor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin jar in a test, as a user would: compiles the sources of a component kind
 * of its own ({@code example.plugin.Greeting}, a {@link Component}) and a {@link ComponentType}
 * of it ({@code hello}, settings {@code greeting} and {@code times}) with the JDK's compiler, and
 * jars the classes with the services file that lists the type; or a {@code TableFormat} of type
 * {@code pipe} ({@link #buildPipeFormat}) or {@code pieces}, which streams ({@link #buildPiecesFormat}); or a {@code Splitter} of type {@code cut}
 * ({@link #buildCutSplitter}).
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

    /** The pipe format type's binary name. */
    static final String PIPE_TYPE_CLASS = "example.plugin.PipeFormatType";

    private static final String PIPE_FORMAT_TYPE = """
            package example.plugin;

            import dev.mlops.core.component.ComponentType;
            import dev.mlops.core.table.Column;
            import dev.mlops.core.table.Table;
            import dev.mlops.data.io.TableBuilder;
            import dev.mlops.data.io.TableFormat;
            import java.io.BufferedReader;
            import java.io.InputStream;
            import java.io.InputStreamReader;
            import java.io.OutputStream;
            import java.io.OutputStreamWriter;
            import java.io.PrintWriter;
            import java.nio.charset.StandardCharsets;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Set;

            /** Values separated by '|', a header first, read with mlops' type inference. */
            public final class PipeFormatType extends ComponentType<TableFormat, PipeFormatType.Settings> {
                public record Settings(List<String> missingTokens) {
                    public Settings {
                        missingTokens = missingTokens == null ? List.of("") : List.copyOf(missingTokens);
                    }
                }

                public record PipeFormat(Settings settings) implements TableFormat {
                    @Override
                    public String type() {
                        return "pipe";
                    }

                    @Override
                    public Table read(InputStream in, String source) {
                        TableBuilder.Options options = TableBuilder.Options.defaults()
                                .withMissingTokens(Set.copyOf(settings.missingTokens()));
                        return TableBuilder.read(in, source, options, (input, table) -> {
                            BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
                            String line = lines.readLine();
                            for (String name : line.split("\\\\|", -1)) {
                                table.addColumn(name, 1);
                            }
                            long number = 1;
                            while ((line = lines.readLine()) != null) {
                                table.addRow(++number, List.of(line.split("\\\\|", -1)));
                            }
                        });
                    }

                    @Override
                    public void write(Table table, OutputStream out) {
                        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                        writer.print(String.join("|", table.columns().stream().map(Column::name).toList()) + "\\n");
                        for (int row = 0; row < table.rowCount(); row++) {
                            List<String> cells = new ArrayList<>();
                            for (Column column : table.columns()) {
                                cells.add(column.isMissing(row) ? "" : column.format(row));
                            }
                            writer.print(String.join("|", cells) + "\\n");
                        }
                        writer.flush();
                    }
                }

                public PipeFormatType() {
                    super(TableFormat.class, "pipe", Settings.class, "values separated by |");
                }

                @Override
                public TableFormat create(Settings settings) {
                    return new PipeFormat(settings);
                }
            }
            """;

    /** The pieces format type's binary name. */
    static final String PIECES_TYPE_CLASS = "example.plugin.PiecesFormatType";

    private static final String PIECES_FORMAT_TYPE = """
            package example.plugin;

            import dev.mlops.core.component.ComponentType;
            import dev.mlops.core.table.Table;
            import dev.mlops.data.io.CsvFormat;
            import dev.mlops.data.io.TableChunks;
            import dev.mlops.data.io.TableFormat;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.nio.file.Path;
            import java.util.Collection;
            import java.util.stream.IntStream;

            /** CSV read in pieces of the setting rows, as a format that streams (Parquet, by row group) is. */
            public final class PiecesFormatType extends ComponentType<TableFormat, PiecesFormatType.Settings> {
                public record Settings(Integer rows) {
                    public Settings {
                        rows = rows == null ? 2 : rows;
                    }
                }

                public record PiecesFormat(Settings settings) implements TableFormat {
                    @Override
                    public String type() {
                        return "pieces";
                    }

                    @Override
                    public Table read(InputStream in, String source) {
                        return CsvFormat.defaults().read(in, source);
                    }

                    @Override
                    public TableChunks readChunks(Path file) {
                        return pieces(read(file));
                    }

                    @Override
                    public TableChunks readChunks(Path file, Collection<String> columns) {
                        return pieces(read(file, columns));
                    }

                    private TableChunks pieces(Table table) {
                        int size = settings.rows();
                        return new TableChunks() {
                            private int start;

                            @Override
                            public dev.mlops.core.table.Schema schema() {
                                return table.schema();
                            }

                            @Override
                            public boolean hasNext() {
                                return start < table.rowCount();
                            }

                            @Override
                            public Table next() {
                                int end = Math.min(table.rowCount(), start + size);
                                Table piece = table.rows(IntStream.range(start, end).toArray());
                                start = end;
                                return piece;
                            }

                            @Override
                            public void close() {
                                start = table.rowCount();
                            }
                        };
                    }

                    @Override
                    public void write(Table table, OutputStream out) {
                        CsvFormat.defaults().write(table, out);
                    }
                }

                public PiecesFormatType() {
                    super(TableFormat.class, "pieces", Settings.class, "CSV read in pieces of rows");
                }

                @Override
                public TableFormat create(Settings settings) {
                    return new PiecesFormat(settings);
                }
            }
            """;

    /** The cut splitter type's binary name. */
    static final String CUT_TYPE_CLASS = "example.plugin.CutSplitterType";

    private static final String CUT_SPLITTER_TYPE = """
            package example.plugin;

            import dev.mlops.core.component.AbstractComponent;
            import dev.mlops.core.component.ComponentType;
            import dev.mlops.core.table.Fingerprint;
            import dev.mlops.core.table.Table;
            import dev.mlops.data.split.Guarantee;
            import dev.mlops.data.split.GuaranteeReport;
            import dev.mlops.data.split.SizePolicy;
            import dev.mlops.data.split.Split;
            import dev.mlops.data.split.SplitSets;
            import dev.mlops.data.split.Splitter;
            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.EnumSet;
            import java.util.List;
            import java.util.Random;

            /** Shuffles the rows with the seed and cuts them by the fractions. */
            public final class CutSplitterType extends ComponentType<Splitter, CutSplitterType.Settings> {
                public record Settings(SizePolicy sizes, long seed) {
                    public Settings {
                        sizes = sizes == null ? SplitSets.trainTest(0.5, 0.5) : sizes;
                    }
                }

                public static final class CutSplitter extends AbstractComponent<Settings> implements Splitter {
                    CutSplitter(Settings settings) {
                        super("cut", settings);
                    }

                    @Override
                    public Split split(Table table) {
                        int rows = table.rowCount();
                        SplitSets sets = settings().sizes().setsFor(rows);
                        List<Integer> order = new ArrayList<>();
                        for (int row = 0; row < rows; row++) {
                            order.add(row);
                        }
                        Collections.shuffle(order, new Random(settings().seed()));
                        Split.Builder split = Split.builder(this, sets, Fingerprint.of(table), rows);
                        double cumulative = 0;
                        int start = 0;
                        for (int s = 0; s < sets.size(); s++) {
                            cumulative += sets.fractions().get(s);
                            int end = s == sets.size() - 1 ? rows : (int) Math.round(cumulative * rows);
                            split.set(sets.names().get(s),
                                    order.subList(start, end).stream().mapToInt(Integer::intValue).sorted().toArray());
                            start = end;
                        }
                        return split.report(GuaranteeReport.of(EnumSet.noneOf(Guarantee.class))).build();
                    }
                }

                public CutSplitterType() {
                    super(Splitter.class, "cut", Settings.class, "shuffles with the seed and cuts by the fractions");
                }

                @Override
                public Splitter create(Settings settings) {
                    return new CutSplitter(settings);
                }
            }
            """;

    /** The constant model format type's binary name. */
    static final String CONSTANT_TYPE_CLASS = "example.plugin.ConstantFormatType";

    private static final String CONSTANT_FORMAT_TYPE = """
            package example.plugin;

            import dev.mlops.core.component.ComponentType;
            import dev.mlops.core.table.Schema;
            import dev.mlops.core.table.Table;
            import dev.mlops.deploy.format.ModelFormat;
            import dev.mlops.deploy.format.ModelFormatException;
            import dev.mlops.train.predict.Outputs;
            import dev.mlops.train.predict.Predictor;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.io.UncheckedIOException;
            import java.nio.charset.StandardCharsets;
            import java.util.List;

            /** A model format of a user's own: a classifier that answers one class, stored as its label. */
            public final class ConstantFormatType extends ComponentType<ModelFormat, ConstantFormatType.Settings> {
                public record Settings() {
                }

                public record Constant(String label) implements Predictor {
                    @Override
                    public Schema inputSchema() {
                        return Schema.of();
                    }

                    @Override
                    public Outputs outputs() {
                        return Outputs.classification(List.of("no", "yes"));
                    }

                    @Override
                    public Table predict(Table features) {
                        double[][] scores = new double[features.rowCount()][];
                        for (int row = 0; row < scores.length; row++) {
                            scores[row] = label.equals("yes") ? new double[] {0, 1} : new double[] {1, 0};
                        }
                        return outputs().classifications(scores);
                    }
                }

                public record Format(Settings settings) implements ModelFormat {
                    @Override
                    public String type() {
                        return "constant";
                    }

                    @Override
                    public boolean canWrite(Predictor predictor) {
                        return predictor instanceof Constant;
                    }

                    @Override
                    public void write(Predictor predictor, OutputStream out) {
                        try {
                            out.write(((Constant) predictor).label().getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public Predictor read(InputStream in, String source) {
                        String label;
                        try {
                            label = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (!label.equals("yes") && !label.equals("no")) {
                            throw new ModelFormatException(source, "not a constant model: expected yes or no");
                        }
                        return new Constant(label);
                    }
                }

                public ConstantFormatType() {
                    super(ModelFormat.class, "constant", Settings.class, "a classifier that answers yes or no");
                }

                @Override
                public ModelFormat create(Settings settings) {
                    return new Format(settings);
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
        return build(work, jar, Map.of("Greeting", GREETING, "HelloType", HELLO_TYPE), services);
    }

    /**
     * @param work an empty directory for the sources and classes
     * @param jar the jar to write
     * @return a plugin jar with the {@code TableFormat} type {@code pipe}: values separated by
     *     {@code |}, a header first, its one setting {@code missingTokens} (default: the empty cell)
     */
    static Path buildPipeFormat(Path work, Path jar) throws IOException {
        return build(work, jar, Map.of("PipeFormatType", PIPE_FORMAT_TYPE), PIPE_TYPE_CLASS);
    }

    /**
     * @param work an empty directory for the sources and classes
     * @param jar the jar to write
     * @return a plugin jar with the {@code TableFormat} type {@code pieces}: CSV that streams, read in
     *     pieces of the setting {@code rows} (default 2), as Parquet streams its row groups
     */
    static Path buildPiecesFormat(Path work, Path jar) throws IOException {
        return build(work, jar, Map.of("PiecesFormatType", PIECES_FORMAT_TYPE), PIECES_TYPE_CLASS);
    }

    /**
     * @param work an empty directory for the sources and classes
     * @param jar the jar to write
     * @return a plugin jar with the {@code Splitter} type {@code cut}: shuffles the rows with the
     *     setting {@code seed} and cuts them by the setting {@code sizes} (default: half and half)
     */
    static Path buildCutSplitter(Path work, Path jar) throws IOException {
        return build(work, jar, Map.of("CutSplitterType", CUT_SPLITTER_TYPE), CUT_TYPE_CLASS);
    }

    /**
     * @param work an empty directory for the sources and classes
     * @param jar the jar to write
     * @return a plugin jar with the {@code ModelFormat} type {@code constant}: a classifier that
     *     answers {@code yes} or {@code no} for every row, stored as that label
     */
    static Path buildConstantModelFormat(Path work, Path jar) throws IOException {
        return build(work, jar, Map.of("ConstantFormatType", CONSTANT_FORMAT_TYPE), CONSTANT_TYPE_CLASS);
    }

    private static Path build(Path work, Path jar, Map<String, String> sourceTexts, String... services)
            throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/example/plugin"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                codeSource(Component.class) + File.pathSeparator + codeSource(TableFormat.class) + File.pathSeparator
                        + codeSource(ModelFormat.class) + File.pathSeparator + codeSource(Predictor.class)
                        + File.pathSeparator + codeSource(JsonInclude.class),
                "--release", "17"));
        for (Map.Entry<String, String> source : new TreeMap<>(sourceTexts).entrySet()) {
            arguments.add(Files.writeString(sources.resolve(source.getKey() + ".java"), source.getValue(),
                    StandardCharsets.UTF_8).toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("the JDK's compiler").isNotNull();
        int status = javac.run(null, null, null, arguments.toArray(String[]::new));
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

    /** @return where this JVM loads a class of mlops from (mlops-core, mlops-data), for the plugin's class path */
    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot locate " + type.getName(), e));
        }
    }
}
