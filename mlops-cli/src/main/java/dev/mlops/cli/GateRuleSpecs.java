package dev.mlops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.deploy.gate.GateRule;
import dev.mlops.deploy.gate.LatencyRule;
import dev.mlops.deploy.gate.MetricRule;
import dev.mlops.deploy.gate.QualityGate;
import dev.mlops.deploy.gate.SignificanceRule;
import dev.mlops.deploy.gate.SliceRule;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.metrics.Metrics;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the {@code --rule} specs of {@code mlops gate}, in the spec syntax of components:
 * {@code metric(metric=macro_f1, margin=0.01)}, {@code slice(metric=accuracy, margin=0.03)},
 * {@code latency(p95=5)}, {@code significance(test=mcnemar|paired_bootstrap, metric=accuracy,
 * against=reference|baseline, level=0.05)}, and {@code defaults} for the default rules of
 * {@link QualityGate#defaults}.
 */
final class GateRuleSpecs {
    /** The spec that stands for {@link QualityGate#defaults}' rules. */
    static final String DEFAULTS = "defaults";
    /** What {@code --help} says about the specs. */
    static final String SYNTAX = "metric(metric=NAME, margin=X), slice(metric=NAME, margin=X), latency(p95=MS), "
            + "significance(test=mcnemar|paired_bootstrap, metric=NAME, against=reference|baseline, level=0.05) or "
            + "defaults";

    private GateRuleSpecs() {
    }

    /**
     * @param specs the {@code --rule} values, none for the defaults
     * @param defaults the gate's default rules
     * @return the rules
     * @throws IllegalArgumentException if a spec is malformed, names an unknown rule, metric or
     *     setting, or lacks a setting; the message quotes the spec
     */
    static List<GateRule> parse(List<String> specs, List<GateRule> defaults) {
        if (specs.isEmpty()) {
            return defaults;
        }
        Set<GateRule> rules = new LinkedHashSet<>();
        for (String text : specs) {
            try {
                rules.addAll(text.strip().equals(DEFAULTS) ? defaults : List.of(rule(text.strip())));
            } catch (IllegalArgumentException | ComponentException e) {
                throw new IllegalArgumentException("--rule '" + text + "': " + e.getMessage() + "; a rule is " + SYNTAX,
                        e);
            }
        }
        return List.copyOf(rules);
    }

    private static GateRule rule(String text) {
        ComponentSpec spec = ComponentSpec.parse(text);
        ObjectNode settings = spec.settings();
        GateRule rule = switch (spec.type()) {
            case MetricRule.NAME -> new MetricRule(metric(settings, "metric"), number(settings, "margin"));
            case SliceRule.NAME -> new SliceRule(metric(settings, "metric"), number(settings, "margin"));
            case LatencyRule.NAME -> new LatencyRule(number(settings, "p95"));
            case SignificanceRule.NAME -> new SignificanceRule(
                    constant(SignificanceRule.Test.class, settings, "test"), metric(settings, "metric"),
                    constant(SignificanceRule.Against.class, settings, "against"),
                    settings.has("level") ? number(settings, "level") : 0.05);
            default -> throw new IllegalArgumentException("unknown rule '" + spec.type() + "'");
        };
        Iterator<String> names = settings.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!List.of("metric", "margin", "p95", "test", "against", "level").contains(name)) {
                throw new IllegalArgumentException("rule '" + spec.type() + "' has no setting '" + name + "'");
            }
        }
        return rule;
    }

    private static JsonNode required(ObjectNode settings, String name) {
        JsonNode value = settings.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the setting '" + name + "' is missing");
        }
        return value;
    }

    private static double number(ObjectNode settings, String name) {
        JsonNode value = required(settings, name);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("the setting '" + name + "' must be a number, not " + value);
        }
        return value.doubleValue();
    }

    private static Metric metric(ObjectNode settings, String name) {
        String wanted = required(settings, name).asText();
        List<Metric> metrics = Stream.concat(Metrics.forClassification().stream(), Metrics.forRegression().stream())
                .toList();
        return metrics.stream().filter(metric -> metric.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + wanted + "'; the metrics are "
                        + metrics.stream().map(Metric::name).toList()));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, ObjectNode settings, String name) {
        String wanted = required(settings, name).asText();
        List<String> known = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String lower = constant.name().toLowerCase(Locale.ROOT);
            if (lower.equals(wanted.toLowerCase(Locale.ROOT))) {
                return constant;
            }
            known.add(lower);
        }
        throw new IllegalArgumentException("the setting '" + name + "' is '" + wanted + "', not one of " + known);
    }
}
