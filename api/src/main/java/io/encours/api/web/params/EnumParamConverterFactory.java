package io.encours.api.web.params;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Binds enum request parameters case-insensitively, by constant name or by {@code toString()}
 * (an enum whose API values are lower case, e.g. {@code method=standard|countback}, overrides
 * {@code toString()} to return them; error messages list {@code toString()} values). An unknown
 * value fails the conversion; the error handler answers 400 with the allowed values.
 */
public final class EnumParamConverterFactory implements ConverterFactory<String, Enum<?>> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends Enum<?>> Converter<String, T> getConverter(Class<T> targetType) {
        Class<?> type = targetType;
        while (type != null && !type.isEnum()) {
            type = type.getSuperclass();
        }
        Class enumType = type;
        return source -> {
            String value = source.trim();
            if (value.isEmpty()) {
                return null;
            }
            Enum<?> match = match(enumType, value);
            if (match == null) {
                throw new IllegalArgumentException("no " + enumType.getSimpleName() + " named " + value);
            }
            return (T) match;
        };
    }

    static <E extends Enum<E>> E match(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value) || constant.toString().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        return null;
    }
}
