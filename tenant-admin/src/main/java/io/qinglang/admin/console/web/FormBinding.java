package io.qinglang.admin.console.web;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import jakarta.ws.rs.core.MultivaluedMap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
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
final class FormBinding {

    private FormBinding() {
    }

    static Object bind(Class<?> type, MultivaluedMap<String, String> form) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i], form, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName() + " from a form", e);
        }
    }

    private static Object value(RecordComponent component, MultivaluedMap<String, String> form, List<FieldError> errors) {
        String name = component.getName();
        Class<?> type = component.getType();
        if (type == List.class && component.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class) {
            List<String> all = form.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
            return all.isEmpty() ? null : all;
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
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError("/" + name, type == LocalDate.class ? "must be a date (YYYY-MM-DD)"
                    : type == UUID.class ? "must be an identifier" : "must be true or false"));
            return null;
        }
        throw new IllegalStateException("a form cannot fill a " + type.getSimpleName() + " (" + name + ")");
    }
}
