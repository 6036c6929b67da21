package io.qinglang.admin.console.web;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import jakarta.ws.rs.core.MultivaluedMap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Makes a command record from a posted form, field by field under the record's component names, so that a page's form
 * and the API's JSON body make the same command and meet the same validation. Empty fields are absent; a field that
 * cannot be read as its type (a date, an identifier) is named, with its JSON pointer, like any other bad input.
 */
public final class FormBinding {

    static final String WHOLE_NUMBER = "must be a whole number";

    private FormBinding() {
    }

    /** Whole numbers typed in one field, apart by commas or spaces ("50, 80, 100"), or in several. */
    private static List<Integer> numbers(String name, List<String> texts, List<FieldError> errors) {
        List<Integer> numbers = new ArrayList<>();
        for (String text : texts) {
            for (String part : text == null ? new String[0] : text.split("[,，\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    numbers.add(Integer.valueOf(part));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("/" + name, "must be whole numbers, apart by commas"));
                    return null;
                }
            }
        }
        return numbers.isEmpty() ? null : numbers;
    }

    public static Object bind(Class<?> type, MultivaluedMap<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        Object made = bind(type, "", form, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return made;
    }

    /**
     * A record from the fields named {@code prefix + component}; a component that is itself a record is read from
     * {@code prefix + component + "."} and is absent when none of its fields was filled in.
     */
    private static Object bind(Class<?> type, String prefix, MultivaluedMap<String, String> form, List<FieldError> errors) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean any = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i].isRecord()
                    ? bind(types[i], prefix + components[i].getName() + ".", form, errors)
                    : value(prefix, components[i], form, errors);
            any |= values[i] != null;
        }
        if (!errors.isEmpty() || !prefix.isEmpty() && !any) {
            return null;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName() + " from a form", e);
        }
    }

    private static Object value(String prefix, RecordComponent component, MultivaluedMap<String, String> form,
                                List<FieldError> errors) {
        String name = prefix + component.getName();
        Class<?> type = component.getType();
        if (type == List.class && component.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class) {
            List<String> all = form.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
            return all.isEmpty() ? null : all;
        }
        if (type == List.class && component.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Integer.class) {
            return numbers(name, form.getOrDefault(name, List.of()), errors);
        }
        String text = form.getFirst(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (type == String.class) {
                return text;
            } else if (type == Boolean.class) {
                return switch (text) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException();
                };
            } else if (type == UUID.class) {
                return UUID.fromString(text.strip());
            } else if (type == LocalDate.class) {
                return LocalDate.parse(text.strip());
            } else if (type == Integer.class) {
                return Integer.valueOf(text.strip());
            } else if (type == BigDecimal.class) {
                return new BigDecimal(text.strip());
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError("/" + name.replace('.', '/'), type == LocalDate.class ? "must be a date (YYYY-MM-DD)"
                    : type == UUID.class ? "must be an identifier"
                    : type == Integer.class ? WHOLE_NUMBER
                    : type == BigDecimal.class ? "must be a number" : "must be true or false"));
            return null;
        }
        throw new IllegalStateException("a form cannot fill a " + type.getSimpleName() + " (" + name + ")");
    }
}
