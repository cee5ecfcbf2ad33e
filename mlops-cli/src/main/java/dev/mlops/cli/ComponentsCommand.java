package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.component.Component;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.json.Documents;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops components}: lists the component types this run knows, the built-in ones and those
 * of {@code --plugins DIR}, per kind: each type's name, kind, settings and description (or one
 * JSON document with {@code --json}), so that a user sees that a plugin was found.
 */
@Command(
        name = "components",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Lists the component types mlops knows, per kind (the interface they implement): the built-in ones "
                    + "and those of the jars in --plugins DIR (or MLOPS_PLUGINS), each with its name, settings and "
                    + "description.",
            "A component is named in a spec such as name(setting=value, ...)."
        })
final class ComponentsCommand implements Callable<Integer> {
    static final String KIND = "components";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only this kind: its interface's simple or full name, in any case, such as Splitter.")
    private @Nullable String kind;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    ComponentsCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        List<ComponentType<?, ?>> all = Objects.requireNonNull(parent, "parent").registry().types();
        List<ComponentType<?, ?>> shown = kind == null ? all : ofKind(commandSpec, all, kind);
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            CommandSupport.printJson(out, document(shown));
        } else {
            out.print(text(shown));
            out.flush();
        }
        return MlopsCommand.EXIT_OK;
    }

    /** @return the types of the kind named by its simple or full name; refuses a kind that has none */
    private static List<ComponentType<?, ?>> ofKind(CommandSpec commandSpec, List<ComponentType<?, ?>> all,
            String wanted) {
        List<ComponentType<?, ?>> matching = new ArrayList<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (ComponentType<?, ?> type : all) {
            Class<? extends Component> typeKind = type.kind();
            kinds.add(typeKind.getSimpleName());
            if (typeKind.getSimpleName().equalsIgnoreCase(wanted) || typeKind.getName().equalsIgnoreCase(wanted)) {
                matching.add(type);
            }
        }
        if (matching.isEmpty()) {
            throw CommandSupport.usage(commandSpec, "--kind " + wanted + ": no component type of that kind; the kinds are: "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        }
        return matching;
    }

    private static ObjectNode document(List<ComponentType<?, ?>> types) {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        ArrayNode components = document.putArray("components");
        for (ComponentType<?, ?> type : types) {
            ObjectNode entry = components.addObject();
            entry.put("name", type.name());
            entry.put("kind", type.kind().getName());
            ArrayNode settings = entry.putArray("settings");
            type.settingNames().forEach(settings::add);
            entry.put("description", type.description());
        }
        return document;
    }

    /** Per kind a heading, then one aligned line per type: name, settings, description. */
    private static String text(List<ComponentType<?, ?>> types) {
        if (types.isEmpty()) {
            return "no component types; a plugin's are found in the jars of --plugins DIR or MLOPS_PLUGINS\n";
        }
        int nameWidth = 1;
        int settingsWidth = 1;
        for (ComponentType<?, ?> type : types) {
            nameWidth = Math.max(nameWidth, type.name().length());
            settingsWidth = Math.max(settingsWidth, settings(type).length());
        }
        String line = "  %-" + nameWidth + "s  %-" + settingsWidth + "s  %s";
        StringBuilder text = new StringBuilder();
        @Nullable Class<?> current = null;
        for (ComponentType<?, ?> type : types) {
            if (!type.kind().equals(current)) {
                current = type.kind();
                text.append(current.getSimpleName()).append(" (").append(current.getName()).append(")\n");
            }
            text.append(String.format(Locale.ROOT, line, type.name(), settings(type), type.description()).stripTrailing())
                    .append('\n');
        }
        return text.toString();
    }

    private static String settings(ComponentType<?, ?> type) {
        return "(" + String.join(", ", type.settingNames()) + ")";
    }
}
