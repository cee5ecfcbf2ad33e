package dev.mlops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option's value as an enum constant by its name in any case, with {@code -} standing
 * for {@code _} ({@code dawid-skene} is {@code DAWID_SKENE}); a wrong value names the choices.
 *
 * @param <E> the enum
 */
abstract class EnumNameConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    EnumNameConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        List<String> names = new ArrayList<>();
        for (E candidate : type.getEnumConstants()) {
            String name = candidate.name().replace('_', '-').toLowerCase(Locale.ROOT);
            if (name.equalsIgnoreCase(value)) {
                return candidate;
            }
            names.add(name);
        }
        String choices = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new TypeConversionException("expected " + choices + " but was '" + value + "'");
    }
}
