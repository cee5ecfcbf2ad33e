package dev.mlops.data.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.MlopsException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a built-in check as a JSON object and reads it back by its {@code type}. */
final class CheckJson {

    private CheckJson() {
        throw new AssertionError("no instances");
    }

    static Map<String, Object> write(Check check, int index) {
        if (!(check instanceof BuiltInCheck builtIn)) {
            throw new MlopsException("check " + index + " '" + check.name() + "' (" + check.getClass().getName()
                    + ") is not a built-in check, so it cannot be written as JSON; keep it in Java code");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", check.type());
        fields.put("severity", check.severity().label());
        builtIn.writeSettings(fields);
        return fields;
    }

    static Check read(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new MlopsException(where + ": a check must be a JSON object but was " + node);
        }
        JsonFields fields = new JsonFields(node, where);
        String type = fields.text("type");
        Check check;
        try {
            check = switch (type) {
                case SchemaCheck.TYPE -> SchemaCheck.read(fields);
                case CompletenessCheck.TYPE -> CompletenessCheck.read(fields);
                case UniquenessCheck.TYPE -> UniquenessCheck.read(fields, false);
                case UniquenessCheck.PRIMARY_KEY_TYPE -> UniquenessCheck.read(fields, true);
                case RangeCheck.TYPE -> RangeCheck.read(fields);
                case AllowedValuesCheck.TYPE -> AllowedValuesCheck.read(fields);
                case CardinalityCheck.TYPE -> CardinalityCheck.read(fields);
                case PatternCheck.TYPE -> PatternCheck.read(fields);
                case PredicateCheck.TYPE -> PredicateCheck.read(fields);
                case MeanShiftCheck.TYPE -> MeanShiftCheck.read(fields);
                case KsCheck.TYPE -> KsCheck.read(fields);
                case ChiSquareCheck.TYPE -> ChiSquareCheck.read(fields);
                case PsiCheck.TYPE -> PsiCheck.read(fields);
                default -> throw fields.error("unknown check type '" + type + "'; the types are: " + TYPES);
            };
        } catch (IllegalArgumentException e) {
            throw fields.error(e.getMessage());
        }
        fields.requireNoOthers();
        return check;
    }

    /** The types {@link #read} knows, for messages. */
    static final String TYPES = String.join(", ", SchemaCheck.TYPE, CompletenessCheck.TYPE, UniquenessCheck.TYPE,
            UniquenessCheck.PRIMARY_KEY_TYPE, RangeCheck.TYPE, AllowedValuesCheck.TYPE, CardinalityCheck.TYPE,
            PatternCheck.TYPE, PredicateCheck.TYPE, MeanShiftCheck.TYPE, KsCheck.TYPE, ChiSquareCheck.TYPE,
            PsiCheck.TYPE);
}
