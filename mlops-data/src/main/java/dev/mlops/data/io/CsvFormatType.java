package dev.mlops.data.io;

import dev.mlops.core.component.ComponentType;

/**
 * The component type {@value CsvFormat#TYPE}: builds a {@link CsvFormat} from its
 * {@link CsvFormat.Settings}. Found by {@link dev.mlops.core.component.ComponentRegistry} through
 * {@link java.util.ServiceLoader}; immutable and thread-safe.
 */
public final class CsvFormatType extends ComponentType<TableFormat, CsvFormat.Settings> {

    /** Describes the type. */
    public CsvFormatType() {
        super(TableFormat.class, CsvFormat.TYPE, CsvFormat.Settings.class,
                "comma-separated values (RFC 4180) with a header, type inference or a schema");
    }

    @Override
    public TableFormat create(CsvFormat.Settings settings) {
        return CsvFormat.of(settings);
    }
}
