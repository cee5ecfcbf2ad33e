package dev.mlops.data.io;

import dev.mlops.core.component.ComponentType;

/**
 * The component type {@value JsonLinesFormat#TYPE}: builds a {@link JsonLinesFormat} from its
 * {@link JsonLinesFormat.Settings}. Found by {@link dev.mlops.core.component.ComponentRegistry}
 * through {@link java.util.ServiceLoader}; immutable and thread-safe.
 */
public final class JsonLinesFormatType extends ComponentType<TableFormat, JsonLinesFormat.Settings> {

    /** Describes the type. */
    public JsonLinesFormatType() {
        super(TableFormat.class, JsonLinesFormat.TYPE, JsonLinesFormat.Settings.class,
                "JSON Lines: one flat JSON object per line, type inference or a schema");
    }

    @Override
    public TableFormat create(JsonLinesFormat.Settings settings) {
        return JsonLinesFormat.of(settings);
    }
}
