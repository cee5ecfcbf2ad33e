package dev.mlops.monitor.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Schema;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a {@link Baseline}'s manifest and reads a baseline directory back, checking that its
 * three documents describe the same table.
 */
final class BaselineJson {

    private BaselineJson() {
    }

    static String manifest(Baseline baseline) {
        ObjectNode root = Documents.create(Baseline.KIND, Baseline.FORMAT_VERSION);
        root.put("createdAt", baseline.createdAt().toString());
        root.put("rowCount", baseline.rowCount());
        root.put("fingerprint", baseline.fingerprint().sha256());
        ArrayNode schema = root.putArray("schema");
        for (Field field : baseline.schema().fields()) {
            ObjectNode node = schema.addObject();
            node.put("name", field.name());
            node.put("type", field.type().name());
            if (field.sensitive()) {
                node.put("sensitive", true);
            }
        }
        ArrayNode integral = root.putArray("integralColumns");
        baseline.integralColumns().forEach(integral::add);
        ObjectNode suggester = root.putObject("suggester");
        suggester.put("maxCategories", baseline.maxCategories());
        suggester.put("referenceChecks", baseline.referenceChecks());
        return Documents.write(root);
    }

    static Baseline load(Path directory) {
        Path manifestFile = existing(directory, Baseline.MANIFEST_FILE);
        Path profileFile = existing(directory, Baseline.PROFILE_FILE);
        Path suiteFile = existing(directory, Baseline.SUITE_FILE);
        DocumentReader root = Documents.load(manifestFile);
        root.requireKind(Baseline.KIND, Baseline.FORMAT_VERSION);
        Instant createdAt = root.instant("createdAt");
        long rowCount = root.longValue("rowCount");
        String fingerprint = root.text("fingerprint");
        Schema schema = schema(root);
        List<String> integral = root.texts("integralColumns");
        DocumentReader suggester = root.object("suggester");
        int maxCategories = suggester.intValue("maxCategories");
        if (maxCategories < 1) {
            throw suggester.error("maxCategories", "must be at least 1 but was " + maxCategories);
        }
        boolean referenceChecks = bool(suggester, "referenceChecks");
        suggester.requireNoOthers();
        root.requireNoOthers();
        for (String name : integral) {
            if (!schema.contains(name) || schema.field(name).type() != ColumnType.NUMERIC) {
                throw root.error("integralColumns", "names '" + name
                        + "', which is not a numeric column of the schema");
            }
        }

        DatasetProfile profile = DatasetProfile.load(profileFile);
        agree(profileFile, profile, schema, rowCount, fingerprint);
        CheckSuite suite = CheckSuite.load(suiteFile);
        return new Baseline(schema, profile, suite, createdAt, new TreeSet<>(integral), maxCategories,
                referenceChecks);
    }

    private static Path existing(Path directory, String name) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new BaselineException(file, (Files.exists(file) ? "is not a regular file" : "is missing")
                    + "; a baseline directory holds " + Baseline.MANIFEST_FILE + ", " + Baseline.PROFILE_FILE + " and "
                    + Baseline.SUITE_FILE);
        }
        return file;
    }

    private static Schema schema(DocumentReader root) {
        List<Field> fields = new ArrayList<>();
        for (DocumentReader node : root.objects("schema")) {
            String name = node.text("name");
            ColumnType type = type(node);
            boolean sensitive = node.bool("sensitive", false);
            node.requireNoOthers();
            try {
                fields.add(new Field(name, type, sensitive));
            } catch (IllegalArgumentException e) {
                throw node.error(e.getMessage());
            }
        }
        try {
            return Schema.of(fields);
        } catch (IllegalArgumentException e) {
            throw root.error("schema", "is not a valid schema: " + e.getMessage());
        }
    }

    private static ColumnType type(DocumentReader node) {
        String name = node.text("type");
        for (ColumnType type : ColumnType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw node.error("type", "must be one of " + Arrays.toString(ColumnType.values()) + " but was '" + name + "'");
    }

    private static boolean bool(DocumentReader node, String field) {
        JsonNode value = node.value(field);
        if (!value.isBoolean()) {
            throw node.error(field, "must be true or false but was " + value);
        }
        return value.booleanValue();
    }

    /** Refuses a profile that does not describe the table the manifest describes. */
    private static void agree(Path profileFile, DatasetProfile profile, Schema schema, long rowCount,
            String fingerprint) {
        String manifest = "; " + Baseline.MANIFEST_FILE + " says ";
        if (profile.rowCount() != rowCount) {
            throw new BaselineException(profileFile, "profiles " + profile.rowCount() + " rows" + manifest
                    + rowCount + ": the files are of different baselines");
        }
        List<String> prints = profile.fingerprints().stream().map(Fingerprint::sha256).toList();
        if (!prints.equals(List.of(fingerprint))) {
            throw new BaselineException(profileFile, "profiles the table(s) " + prints + manifest + "the table "
                    + fingerprint + ": the files are of different baselines");
        }
        List<String> profiled = new ArrayList<>();
        for (ColumnProfile column : profile.columns()) {
            profiled.add(column.name() + " " + column.type());
        }
        List<String> expected = new ArrayList<>();
        Set<String> sensitive = new TreeSet<>();
        for (Field field : schema.fields()) {
            expected.add(field.name() + " " + field.type());
            if (field.sensitive()) {
                sensitive.add(field.name());
            }
        }
        if (!profiled.equals(expected)) {
            throw new BaselineException(profileFile, "has the columns " + profiled + manifest + expected);
        }
        if (!profile.sensitiveColumns().equals(sensitive)) {
            throw new BaselineException(profileFile, "marks the columns " + profile.sensitiveColumns()
                    + " sensitive" + manifest + sensitive);
        }
    }
}
