package dev.mlops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.json.Documents;
import dev.mlops.core.SchemaException;
import dev.mlops.core.predicate.PredicateSyntaxException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.io.TableFormat;
import dev.mlops.data.slice.Slice;
import dev.mlops.data.slice.SliceReport;
import dev.mlops.data.slice.SliceSizeRule;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.GuaranteeReport;
import dev.mlops.data.split.LabelType;
import dev.mlops.data.split.NewestSet;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.SmallClassException;
import dev.mlops.data.split.SmallClasses;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitException;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code mlops split FILE --out DIR}: splits the rows of a CSV or JSON Lines file into named sets
 * (random, stratified, grouped, stratified and grouped, by time, or by any other registered
 * {@link Splitter} type, a plugin's too), writes one file per set and
 * the split artifact ({@code split.json}, see {@link Split#save}) to a directory, and prints the
 * guarantees that held, each set's size and, with {@code --slice}, how large each slice is in
 * each set (or one JSON object with {@code --json}).
 *
 * <p>The splitter comes from the run's {@link ComponentRegistry}: {@code --splitter} gives its
 * whole spec; {@code --method} names its type, whose settings the other splitter options give by
 * name ({@code --sets} the setting {@code sizes}, {@code --seed} {@code seed}, {@code --label},
 * {@code --group}, {@code --time}, {@code --gap} and {@code --newest} the settings of their names,
 * {@code --label-type} {@code labelType}, {@code --allow-small-classes} {@code smallClasses=allow}); an option whose setting the type
 * lacks is a usage error.
 *
 * <p>A split that cannot keep its guarantee (a class too small to stratify, too few groups or
 * distinct times) and every bad option exit with {@link MlopsCommand#EXIT_BAD_INPUT}, and then
 * nothing is written. A slice too small for a meaningful metric is a warning: the exit status
 * stays {@link MlopsCommand#EXIT_OK}.
 */
@Command(
        name = "split",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Splits the rows of a CSV or JSON Lines file into named sets (by default train, validation and test: "
                    + "70/15/15 below 1,000,000 rows, 90/5/5 from there) with a stated guarantee: set sizes, class "
                    + "proportions, groups kept together, or time order.",
            "Writes <set>.<ext> per set, in FILE's format (<ext> is FILE's extension, or the format's type, such as "
                    + "csv, when --format names another), and split.json, the split with its "
                    + "seed, settings, guarantees and the data's fingerprint, to --out; prints a summary, or one "
                    + "JSON object with --json. Nothing is written when the split is refused.",
            "The set files hold each set's rows in their order in FILE, as mlops reads them: numbers, times (in "
                    + "UTC) and missing values (empty) are written in one canonical form."
        })
final class SplitCommand implements Callable<Integer> {
    static final String REPORT_KIND = "split-report";
    static final int REPORT_FORMAT_VERSION = 2;
    static final String SPLIT_FILE = "split.json";
    /** How many classes the text summary lists; --json lists them all. */
    static final int CLASSES_SHOWN = 20;

    /** A set's or slice's name: it names a file, so letters, digits, '_', '-' and '.', not first. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    /** A component type's name, as {@link ComponentType} requires it. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
    private static final double SUM_TOLERANCE = 1e-9;

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rows to split: a CSV or JSON Lines file (UTF-8).")
    private @Nullable Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The directory to write <set>.<ext> and split.json to; created if missing, "
                    + "each file replaced atomically.")
    private @Nullable Path out;

    @Option(names = "--method", paramLabel = "TYPE",
            description = "The splitter's type: random, stratified, grouped, stratified-grouped, temporal, or any other "
                    + "registered one, a plugin's too ('mlops components --kind Splitter' lists them). The options below "
                    + "give the type's settings of their names and are refused for a type without that setting. "
                    + "Default: from the columns given: stratified with --label, grouped with --group, "
                    + "stratified-grouped with both, temporal with --time, otherwise random.")
    private @Nullable String method;

    @Option(names = "--splitter", paramLabel = "SPEC",
            description = "The splitter as a spec, such as 'stratified(label=class, seed=42)' or "
                    + "'temporal(time=at, gap=P7D, sizes=\"train=0.8,test=0.2\")', of any registered type (a plugin's "
                    + "too), instead of --method and its options.")
    private @Nullable String splitterSpec;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "The setting 'label' (stratified, stratified-grouped): the label column whose "
                    + "class proportions each set keeps; categorical, or any type with --label-type categorical.")
    private @Nullable String label;

    @Option(names = "--label-type", paramLabel = "TYPE", converter = LabelTypeConverter.class,
            description = "The setting 'labelType' (stratified, stratified-grouped): inferred (default) reads the label "
                    + "column as typed, which must be categorical; categorical makes each distinct value a class, so a "
                    + "numeric 0/1 label can be stratified (the column's type elsewhere stays as inferred).")
    private @Nullable LabelType labelType;

    @Option(names = "--group", paramLabel = "COLUMN",
            description = "The setting 'group' (grouped, stratified-grouped): rows with one value of this column "
                    + "(a customer, a patient) never go to two sets.")
    private @Nullable String group;

    @Option(names = "--time", paramLabel = "COLUMN",
            description = "The setting 'time' (temporal): the timestamp column; the first set gets the oldest rows. "
                    + "Rows with equal times stay in one set: each cut falls between two distinct times, the ones "
                    + "closest to the --sets shares in either direction.")
    private @Nullable String time;

    @Option(names = "--gap", paramLabel = "DURATION", converter = GapConverter.class,
            description = "The setting 'gap' (temporal): drop the rows within this ISO-8601 duration (such as PT24H "
                    + "or P7D; a day is 24 hours) after each set's latest time, so no later set is that close to an "
                    + "earlier one.")
    private @Nullable Duration gap;

    @Option(names = "--newest", paramLabel = "NAME=FRACTION", converter = NewestConverter.class,
            description = "The setting 'newest' (temporal): an extra last set of the newest rows, such as "
                    + "recent=0.1; the other sets share the older rows by their fractions.")
    private @Nullable NewestSet newest;

    @Option(names = "--sets", paramLabel = "NAME=FRACTION,...", converter = SetsConverter.class,
            description = "The setting 'sizes': the sets in order and their fractions, summing to 1, such as "
                    + "train=0.8,test=0.2 (default: train=0.7,validation=0.15,test=0.15 below 1,000,000 rows, "
                    + "0.9/0.05/0.05 from there).")
    private @Nullable SplitSets sets;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The setting 'seed': the seed of the random draws; the same seed and file give the same "
                    + "split (default: ${DEFAULT-VALUE}). temporal draws nothing at random and has no seed.")
    private long seed;

    @Option(names = "--allow-small-classes",
            description = "The setting 'smallClasses=allow' (stratified): split a class too small to have a row in "
                    + "every set within one row of its share anyway, and list it, instead of refusing.")
    private boolean allowSmallClasses;

    @Option(names = "--slice", paramLabel = "NAME=EXPRESSION", converter = SliceConverter.class,
            description = "Report how many rows of each set a slice holds, such as young='age < 25'; repeat for "
                    + "several. A slice under --min-slice-rows in a set gets a warning.")
    private @Nullable List<Slice> slices;

    @Option(names = "--min-slice-rows", paramLabel = "N",
            description = "The fewest rows a slice needs in a set for a meaningful metric (default: 100, a worst-case "
                    + "95%% margin of ±0.098 on a proportion).")
    private @Nullable Integer minSliceRows;

    @Option(names = "--json", description = "Print one JSON object instead of a summary.")
    private boolean json;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    @ParentCommand
    private @Nullable MlopsCommand parent;

    SplitCommand() {
    }

    @Override
    public Integer call() throws IOException {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path inputFile = Objects.requireNonNull(file, "file");
        Path directory = Objects.requireNonNull(out, "out");
        SliceSizeRule rule = sliceRule(commandSpec);
        Splitter splitter = splitter(commandSpec);
        Logger log = LoggerFactory.getLogger(SplitCommand.class);
        // the sets are written as the input was read: the same format, delimiter and charset
        TableFormat format = input.tableFormat(inputFile);
        Table table = input.read(inputFile);
        if (splitter.settings() instanceof Guarantee.TimeColumn timeColumn) {
            requireTimestamps(table, timeColumn.time());
        }
        if (splitter.settings() instanceof Guarantee.LabelColumn labelColumn) {
            requireClasses(table, labelColumn);
        }
        log.debug("splitting {} rows with {}", table.rowCount(), splitter);
        Split split;
        try {
            split = splitter.split(table);
        } catch (SmallClassException e) {
            throw new SplitException(e.message("pass --allow-small-classes"));
        }
        Map<String, Table> setTables = new LinkedHashMap<>();
        for (String name : split.setNames()) {
            setTables.put(name, split.set(table, name));
        }
        // measured before anything is written: a slice over an unknown column is bad input
        @Nullable SliceReport sliceReport = slices == null ? null : SliceReport.of(setTables, slices, rule);

        String extension = input.extension(inputFile, format);
        Map<String, Path> written = new LinkedHashMap<>();
        for (String name : setTables.keySet()) {
            Path setFile = directory.resolve(name + extension);
            if (CommandSupport.sameFile(setFile, inputFile)) {
                throw CommandSupport.usage(commandSpec, "the set '" + name + "' would be written over the input " + inputFile
                        + "; choose another --out directory");
            }
            written.put(name, setFile);
        }
        Files.createDirectories(directory);
        for (Map.Entry<String, Table> set : setTables.entrySet()) {
            format.write(set.getValue(), written.get(set.getKey()));
        }
        Path splitFile = directory.resolve(SPLIT_FILE);
        split.save(splitFile);
        written.put("split", splitFile);
        log.debug("wrote {}", written.values());

        PrintWriter stdout = commandSpec.commandLine().getOut();
        stdout.print(json ? jsonReport(inputFile, split, sliceReport, written)
                : summary(inputFile, split, sliceReport, written));
        stdout.flush();
        return MlopsCommand.EXIT_OK;
    }

    /** The library says the column's type; this says how to get timestamps. */
    private void requireTimestamps(Table table, String column) {
        ColumnType type = table.column(column).type();
        if (type != ColumnType.TIMESTAMP) {
            throw new SchemaException("column '" + column + "' is " + type + ", not TIMESTAMP: a temporal split needs "
                    + "ISO-8601 times with an offset, such as 2024-01-31T10:00:00Z"
                    + (input.zoneGiven() ? "" : ", or --zone ZONE to read local dates and times"));
        }
    }

    /** The library names the setting; this names the option that sets it. */
    private static void requireClasses(Table table, Guarantee.LabelColumn settings) {
        ColumnType type = table.column(settings.label()).type();
        if (settings.labelType() == LabelType.INFERRED && type != ColumnType.CATEGORICAL) {
            throw new SchemaException("label column '" + settings.label() + "' is " + type + ", not CATEGORICAL: "
                    + "--label-type categorical treats each of its distinct values as a class");
        }
    }

    /** The type when --method is absent: a rule about which column options were given. */
    private String inferMethod() {
        if (time != null) {
            return "temporal";
        }
        if (label != null) {
            return group != null ? "stratified-grouped" : "stratified";
        }
        return group != null ? "grouped" : "random";
    }

    /** Refuses a --newest set whose name another set already has. */
    private void checkNewest(CommandSpec commandSpec) {
        if (newest != null && sets != null && sets.names().contains(newest.name())) {
            throw CommandSupport.usage(commandSpec, "--newest names the set '" + newest.name() + "', which --sets already has: "
                    + sets.names());
        }
        if (newest != null && sets == null && SizePolicy.guide().setsFor(0).names().contains(newest.name())) {
            throw CommandSupport.usage(commandSpec, "--newest names the set '" + newest.name() + "', which is one of the default sets "
                    + SizePolicy.guide().setsFor(0).names() + "; choose another name");
        }
    }

    private SliceSizeRule sliceRule(CommandSpec commandSpec) {
        if (minSliceRows == null) {
            return SliceSizeRule.defaults();
        }
        if (slices == null) {
            throw CommandSupport.usage(commandSpec, "--min-slice-rows applies only with --slice");
        }
        if (minSliceRows < 1) {
            throw CommandSupport.usage(commandSpec, "--min-slice-rows must be at least 1 but was " + minSliceRows);
        }
        return new SliceSizeRule(minSliceRows);
    }

    /** The splitter of --splitter, or of --method and its options, built through the component registry. */
    private Splitter splitter(CommandSpec commandSpec) {
        if (slices != null) {
            Set<String> names = new HashSet<>();
            for (Slice slice : slices) {
                if (!names.add(slice.name())) {
                    throw CommandSupport.usage(commandSpec, "--slice names '" + slice.name() + "' twice");
                }
            }
        }
        ComponentRegistry registry = Objects.requireNonNull(parent, "parent").registry();
        if (splitterSpec != null) {
            List<String> options = new ArrayList<>(List.of("--method"));
            boolean given = method != null;
            for (OptionSetting option : optionSettings(commandSpec)) {
                options.add(option.name());
                given |= option.given();
            }
            if (given) {
                throw CommandSupport.usage(commandSpec, "--splitter SPEC gives the splitter and all its settings; leave out "
                        + listed(options, "and"));
            }
            return registry.create(Splitter.class, splitterSpec);
        }
        return methodSplitter(commandSpec, registry);
    }

    /**
     * The splitter of the type --method names (or {@link #inferMethod()} chooses), with the settings
     * its options give by name, built through the registry. An option whose setting the type lacks
     * is refused, naming the types that have it; a setting the type requires and no option gave is
     * refused naming the option that gives it.
     */
    private Splitter methodSplitter(CommandSpec commandSpec, ComponentRegistry registry) {
        String name = method != null ? method : inferMethod();
        ComponentType<?, ?> type = registry.find(Splitter.class, name)
                .orElseThrow(() -> unknownMethod(commandSpec, registry, name));
        String given = "--method " + type.name();
        List<String> settingNames = type.settingNames();
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        List<OptionSetting> absent = new ArrayList<>();
        Map<String, OptionSetting> bySetting = new HashMap<>();
        for (OptionSetting option : optionSettings(commandSpec)) {
            if (option.given() && !settingNames.contains(option.setting())) {
                throw CommandSupport.usage(commandSpec, option.name() + " applies to --method "
                        + listed(typesWith(registry, option.setting()), "or") + " only, not " + given + " (its settings: "
                        + (settingNames.isEmpty() ? "none" : String.join(", ", settingNames)) + ")");
            }
            bySetting.put(option.setting(), option);
        }
        // in the record's order, as the spec string writes them
        for (String setting : settingNames) {
            @Nullable OptionSetting option = bySetting.get(setting);
            if (option != null && option.value() != null) {
                settings.set(setting, option.value());
            } else if (option != null) {
                absent.add(option);
            }
        }
        checkNewest(commandSpec);
        try {
            return registry.create(Splitter.class, new ComponentSpec(type.name(), settings));
        } catch (ComponentException e) {
            List<String> needed = new ArrayList<>();
            for (OptionSetting option : absent) {
                if (e.getMessage().contains("'" + option.setting() + "'")) {
                    needed.add(option.usage());
                }
            }
            throw CommandSupport.usage(commandSpec, given + (needed.isEmpty() ? ": " + e.getMessage()
                    : " needs " + String.join(" and ", needed) + " (" + e.getMessage() + ")"));
        }
    }

    /** The registry's error for a type it does not know, with its did-you-mean hint and the known types. */
    private static RuntimeException unknownMethod(CommandSpec commandSpec, ComponentRegistry registry, String name) {
        if (!TYPE_NAME.matcher(name).matches()) {
            return CommandSupport.usage(commandSpec, "--method: '" + name + "' is not a type's name (a letter, then letters,"
                    + " digits, '_', '.' or '-'); --splitter takes a whole spec");
        }
        try {
            registry.create(Splitter.class, name);
        } catch (ComponentException e) {
            return CommandSupport.usage(commandSpec, "--method: " + e.getMessage());
        }
        throw new IllegalStateException("the registry built the splitter type '" + name + "' that it does not find");
    }

    /** @return the names of the splitter types that have the setting, sorted */
    private static List<String> typesWith(ComponentRegistry registry, String setting) {
        List<String> names = new ArrayList<>();
        for (ComponentType<?, ?> type : registry.types(Splitter.class)) {
            if (type.settingNames().contains(setting)) {
                names.add(type.name());
            }
        }
        return names;
    }

    /** @return the names in a phrase, such as {@code a}, {@code a or b}, {@code a, b or c} */
    private static String listed(List<String> names, String conjunction) {
        int last = names.size() - 1;
        return last < 1 ? String.join("", names)
                : String.join(", ", names.subList(0, last)) + " " + conjunction + " " + names.get(last);
    }

    /** The settings that the splitter options give, in the options' order, with their JSON values. */
    private List<OptionSetting> optionSettings(CommandSpec commandSpec) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        List<OptionSetting> options = new ArrayList<>();
        options.add(option(commandSpec, "--sets", "sizes", sets != null, sets == null ? null : json.textNode(sets.text())));
        // the seed has a default, so a type with a seed always gets one; given, it must be a setting of the type
        options.add(option(commandSpec, "--seed", "seed", commandSpec.commandLine().getParseResult().hasMatchedOption("--seed"),
                json.numberNode(seed)));
        options.add(option(commandSpec, "--label", "label", label != null, label == null ? null : json.textNode(label)));
        options.add(option(commandSpec, "--label-type", "labelType", labelType != null,
                labelType == null ? null : json.textNode(labelType.label())));
        options.add(option(commandSpec, "--group", "group", group != null, group == null ? null : json.textNode(group)));
        options.add(option(commandSpec, "--time", "time", time != null, time == null ? null : json.textNode(time)));
        options.add(option(commandSpec, "--gap", "gap", gap != null, gap == null ? null : json.textNode(gap.toString())));
        options.add(option(commandSpec, "--newest", "newest", newest != null, newest == null ? null
                : json.objectNode().put("name", newest.name()).put("fraction", newest.fraction())));
        options.add(option(commandSpec, "--allow-small-classes", "smallClasses", allowSmallClasses,
                allowSmallClasses ? json.textNode(SmallClasses.ALLOW.label()) : null));
        return options;
    }

    private static OptionSetting option(CommandSpec commandSpec, String name, String setting, boolean given,
            @Nullable JsonNode value) {
        OptionSpec option = commandSpec.findOption(name);
        String usage = option.arity().max() == 0 ? name : name + " " + option.paramLabel();
        return new OptionSetting(name, usage, setting, given, value);
    }

    /**
     * A setting of the splitter's type that an option gives.
     *
     * @param name the option's name, such as {@code --label}
     * @param usage the option as its usage shows it, such as {@code --label COLUMN}
     * @param setting the setting's name, such as {@code label}
     * @param given true if the command line has the option
     * @param value the setting's JSON value, or null when the option was not given and has no default
     */
    private record OptionSetting(String name, String usage, String setting, boolean given, @Nullable JsonNode value) {
    }

    private static String summary(Path input, Split split, @Nullable SliceReport sliceReport, Map<String, Path> written) {
        GuaranteeReport report = split.report();
        StringBuilder text = new StringBuilder();
        line(text, "%s: %d rows, %s split (%s), %s", input, split.rowCount(), split.splitter().type(), controlsEscaped(split.splitter().toString()),
                split.seed().isPresent() ? "seed " + split.seed().getAsLong() : "no seed (nothing drawn at random)");
        int nameWidth = 3;
        for (String name : split.setNames()) {
            nameWidth = Math.max(nameWidth, ReadableText.name(name).length());
        }
        int sizeWidth = Integer.toString(split.rowCount()).length();
        for (int s = 0; s < split.setNames().size(); s++) {
            String name = split.setNames().get(s);
            int size = split.size(name);
            line(text, "  %-" + nameWidth + "s  %" + sizeWidth + "d rows  %6.2f%%  (fraction %s)", ReadableText.name(name), size,
                    share(size, split.rowCount()), split.sets().fractions().get(s));
        }
        int excluded = split.excludedRows().length;
        if (excluded > 0) {
            line(text, "  %d rows in no set (removed by the gap)", excluded);
        }
        List<String> held = new ArrayList<>();
        for (Guarantee guarantee : report.held()) {
            held.add(guarantee.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        line(text, "guarantees held: %s", held.isEmpty() ? "none" : String.join(", ", held));
        if (!report.classCounts().isEmpty()) {
            line(text, "class counts (%s):", String.join("/", split.setNames()));
            int classWidth = 1;
            for (String level : report.classCounts().keySet()) {
                classWidth = Math.max(classWidth, ReadableText.name(level).length());
            }
            int shown = 0;
            for (Map.Entry<String, Map<String, Integer>> perSet : report.classCounts().entrySet()) {
                if (shown++ == CLASSES_SHOWN) {
                    line(text, "  ... %d more classes, listed with --json", report.classCounts().size() - CLASSES_SHOWN);
                    break;
                }
                List<String> counts = new ArrayList<>();
                for (String name : split.setNames()) {
                    counts.add(Integer.toString(perSet.getValue().getOrDefault(name, 0)));
                }
                line(text, "  %-" + classWidth + "s  %s", ReadableText.name(perSet.getKey()), String.join("/", counts));
            }
        }
        if (!report.classesNotInEverySet().isEmpty()) {
            line(text, "fallback: classes not in every set: %s", String.join(", ", report.classesNotInEverySet().stream().map(ReadableText::name).toList()));
        }
        for (String note : report.notes()) {
            line(text, "note: %s", note);
        }
        List<String> files = new ArrayList<>();
        for (Path path : written.values()) {
            files.add(path.toString());
        }
        line(text, "written: %s", String.join(", ", files));
        if (sliceReport != null) {
            text.append(sliceReport.toText());
            int tooSmall = sliceReport.tooSmall().size();
            if (tooSmall > 0) {
                line(text, "WARNING: %d slice %s under %d rows: metrics there are too uncertain to compare",
                        tooSmall, tooSmall == 1 ? "size is" : "sizes are", sliceReport.rule().minRows());
            }
        }
        return text.toString();
    }

    /** @return the text with its control characters escaped as {@link ReadableText#escape} does, its quotes kept */
    private static String controlsEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> escaped.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                ? ReadableText.escape(Character.toString(c)) : Character.toString(c)));
        return escaped.toString();
    }

    private static String jsonReport(Path input, Split split, @Nullable SliceReport sliceReport,
            Map<String, Path> written) {
        ObjectNode document = split.toDocument();
        ObjectNode root = Documents.create(REPORT_KIND, REPORT_FORMAT_VERSION);
        root.put("file", input.toString());
        // the splitter and the guarantee report exactly as split.json has them
        root.set("splitter", document.get("splitter"));
        root.put("fingerprint", split.fingerprint().sha256());
        root.put("rowCount", split.rowCount());
        ArrayNode setsNode = root.putArray("sets");
        for (int s = 0; s < split.setNames().size(); s++) {
            String name = split.setNames().get(s);
            ObjectNode set = setsNode.addObject();
            set.put("name", name);
            set.put("fraction", split.sets().fractions().get(s));
            set.put("size", split.size(name));
            set.put("share", (double) split.size(name) / split.rowCount());
            set.put("file", written.get(name).toString());
        }
        root.put("excludedRows", split.excludedRows().length);
        root.set("report", document.get("report"));
        root.put("splitFile", written.get("split").toString());
        if (sliceReport != null) {
            root.set("slices", Documents.parseTree(sliceReport.toJson(), "the slice report"));
        }
        return Documents.write(root) + "\n";
    }

    private static double share(int size, int total) {
        return total == 0 ? 0 : 100.0 * size / total;
    }

    private static void line(StringBuilder text, String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Splits {@code NAME=VALUE} at the first '=', checking the name; a bad part is named in the error. */
    private static String[] nameAndValue(String part, String expected) {
        int equals = part.indexOf('=');
        if (equals < 0) {
            throw new TypeConversionException("expected " + expected + " but was '" + part + "'");
        }
        String name = part.substring(0, equals).trim();
        String value = part.substring(equals + 1).trim();
        if (!NAME.matcher(name).matches()) {
            throw new TypeConversionException("the name in '" + part + "' must be letters, digits, '_', '-' or '.',"
                    + " starting with a letter or digit; expected " + expected);
        }
        return new String[] {name, value};
    }

    private static double fraction(String part, String text, String expected) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new TypeConversionException("the fraction in '" + part + "' is not a decimal number such as 0.7;"
                    + " expected " + expected);
        }
        return Double.parseDouble(text);
    }

    /** Reads {@code --sets}: {@code NAME=FRACTION[,NAME=FRACTION...]}, the fractions summing to 1. */
    static final class SetsConverter implements ITypeConverter<SplitSets> {
        private static final String EXPECTED = "NAME=FRACTION,... such as train=0.7,validation=0.15,test=0.15";

        @Override
        public SplitSets convert(String value) {
            SplitSets.Builder builder = SplitSets.builder();
            Set<String> names = new HashSet<>();
            BigDecimal sum = BigDecimal.ZERO;
            List<String[]> pairs = new ArrayList<>();
            for (String raw : value.split(",", -1)) {
                pairs.add(nameAndValue(raw.trim(), EXPECTED));
            }
            for (String[] pair : pairs) {
                String part = pair[0] + "=" + pair[1];
                if (pair[1].startsWith("-") && DECIMAL.matcher(pair[1].substring(1)).matches()) {
                    throw new TypeConversionException(negativeShare(part));
                }
                double fraction = fraction(part, pair[1], EXPECTED);
                if (!(fraction > 0)) {
                    throw new TypeConversionException("the fraction in '" + part + "' must be positive");
                }
                if (!names.add(pair[0])) {
                    throw new TypeConversionException("the set '" + pair[0] + "' appears twice in '" + value + "'");
                }
                builder.add(pair[0], fraction);
                sum = sum.add(new BigDecimal(pair[1]));
            }
            if (sum.subtract(BigDecimal.ONE).abs().doubleValue() > SUM_TOLERANCE) {
                throw new TypeConversionException("the fractions must sum to 1 but sum to "
                        + sum.stripTrailingZeros().toPlainString() + " in '" + value + "'");
            }
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** @return the library's refusal of a part with a negative share, such as {@code train=-0.1} */
    private static String negativeShare(String part) {
        try {
            SplitSets.parse(part);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new IllegalStateException("the sets '" + part + "' with a negative share were not refused");
    }

    /** Reads {@code --newest}: {@code NAME=FRACTION} with the fraction in (0, 1). */
    static final class NewestConverter implements ITypeConverter<NewestSet> {
        private static final String EXPECTED = "NAME=FRACTION such as recent=0.1";

        @Override
        public NewestSet convert(String value) {
            String part = value.trim();
            String[] pair = nameAndValue(part, EXPECTED);
            double fraction = fraction(part, pair[1], EXPECTED);
            if (!(fraction > 0 && fraction < 1)) {
                throw new TypeConversionException("the fraction in '" + part + "' must be between 0 and 1, exclusive");
            }
            return new NewestSet(pair[0], fraction);
        }
    }

    /** Reads {@code --slice}: {@code NAME=EXPRESSION} in the predicate syntax, such as {@code young=age < 25}. */
    static final class SliceConverter implements ITypeConverter<Slice> {
        private static final String EXPECTED = "NAME=EXPRESSION such as young='age < 25'";

        @Override
        public Slice convert(String value) {
            String[] pair = nameAndValue(value.trim(), EXPECTED);
            try {
                return Slice.of(pair[0], pair[1]);
            } catch (PredicateSyntaxException e) {
                throw new TypeConversionException("slice '" + pair[0] + "': " + e.getMessage());
            }
        }
    }

    /** Reads {@code --gap}: an ISO-8601 duration such as {@code PT24H} or {@code P7D}, not negative. */
    /** Reads {@code --label-type}: inferred or categorical, in any case. */
    static final class LabelTypeConverter extends EnumNameConverter<LabelType> {
        LabelTypeConverter() {
            super(LabelType.class);
        }
    }

        static final class GapConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration;
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected an ISO-8601 duration such as PT24H, PT30M or P7D but was '"
                        + value + "'");
            }
            if (duration.isNegative()) {
                throw new TypeConversionException("the gap must not be negative but was '" + value + "'");
            }
            return duration;
        }
    }
}
