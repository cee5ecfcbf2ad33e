package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.Table;
import dev.mlops.data.io.TableChunks;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mlops-parquet takes from Hadoop at run time: a child JVM, with no Hadoop installation in
 * its environment and no native codec jar on its class path, writes and reads a table with every
 * codec while logging each class it loads; of Hadoop's classes it loads only the dozen that
 * parquet-hadoop's {@code ParquetInputFormat} extends or names (the {@code mapreduce} input
 * format, {@code fs} file statuses, {@code io.Writable}): never Hadoop's {@code Configuration},
 * file systems, codecs or native-code loader.
 */
class HadoopFootprintTest {
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

    @Test
    void everyCodecRunsWithoutHadoopsConfigurationFileSystemCodecsOrNatives(@TempDir Path directory) throws Exception {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        assertThat(classPath).as("the class path").noneMatch(entry -> entry.contains("snappy-java")
                || entry.contains("zstd-jni") || entry.contains("hadoop-client-runtime"));
        Path log = directory.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", String.join(File.pathSeparator, classPath), Child.class.getName(),
                directory.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("HADOOP"));
        Process child = builder.start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child finished").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("the child's exit code; its output ends:%n%s",
                output.substring(Math.max(0, output.length() - 3_000))).isZero();
        assertThat(output).contains("snappy ok", "zstd ok", "gzip ok", "lz4_raw ok", "uncompressed ok");
        TreeSet<String> hadoop = new TreeSet<>();
        Matcher loaded = LOADED.matcher(output);
        while (loaded.find()) {
            if (loaded.group(1).startsWith("org.apache.hadoop.")) {
                hadoop.add(loaded.group(1));
            }
        }
        assertThat(hadoop).as("the Hadoop classes the child loaded").isNotEmpty()
                .allMatch(name -> name.startsWith("org.apache.hadoop.mapreduce.") || name.startsWith("org.apache.hadoop.fs.")
                        || name.equals("org.apache.hadoop.io.Writable"))
                .noneMatch(name -> name.startsWith("org.apache.hadoop.fs.FileSystem") || name.contains("LocalFileSystem"));
        assertThat(output).as("classes of native codecs or Hadoop's native loader")
                .doesNotContain("org.xerial.snappy", "com.github.luben", "NativeCodeLoader",
                        "org.apache.hadoop.conf.Configuration ", "org.apache.hadoop.io.compress");
    }

    /** The child: round-trips a table per codec, as a file and as chunks. */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            Table table = Table.builder()
                    .numeric("x", 1.5, Double.NaN, -0.0)
                    .categorical("city", "München", null, "São Paulo")
                    .bool("member", true, null, false)
                    .timestamp("at", Instant.parse("2024-01-31T12:00:00.123456Z"), null, Instant.EPOCH)
                    .text("note", "hello", "wörld", null)
                    .build();
            for (ParquetCodec codec : ParquetCodec.values()) {
                Path file = Path.of(args[0], codec.label() + ".parquet");
                ParquetFormat format = ParquetFormat.builder().codec(codec).build();
                format.write(table, file);
                try (TableChunks chunks = format.readChunks(file)) {
                    if (!format.read(file).equals(table) || !chunks.next().equals(table)) {
                        System.out.println(codec.label() + " read back differently");
                        System.exit(1);
                    }
                }
                System.out.println(codec.label() + " ok");
            }
        }
    }
}
