package io.qinglang.platform.shared.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request before refusing it, so a client learns all of them at once.
 * Checks are written at the place that owns the rule (commands validate themselves).
 */
public final class InputErrors {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,63}");

    private final List<FieldError> errors = new ArrayList<>();

    public InputErrors add(String pointer, String detail) {
        errors.add(new FieldError(pointer, detail));
        return this;
    }

    /** How many errors were found so far. */
    public int size() {
        return errors.size();
    }

    public boolean has(String pointer) {
        return errors.stream().anyMatch(e -> e.pointer().equals(pointer));
    }

    /** Required text: present, not blank, at most {@code max} characters, no control characters but newlines/tabs. */
    public InputErrors text(String pointer, String value, int max) {
        if (value == null || value.isBlank()) {
            return add(pointer, "is required");
        }
        return optionalText(pointer, value, max);
    }

    public InputErrors optionalText(String pointer, String value, int max) {
        if (value == null) {
            return this;
        }
        if (value.codePointCount(0, value.length()) > max) {
            add(pointer, "must be at most " + max + " characters");
        } else if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            add(pointer, "must not contain control characters");
        }
        return this;
    }

    public InputErrors matches(String pointer, String value, Pattern pattern, String expectation) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(pointer, expectation);
        }
        return this;
    }

    public InputErrors required(String pointer, Object value) {
        if (value == null) {
            add(pointer, "is required");
        }
        return this;
    }

    public InputErrors oneOf(String pointer, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(pointer, "must be one of " + String.join(", ", allowed));
        }
        return this;
    }

    /** An e-mail address (local part, @, a domain with a dot), if present. */
    public InputErrors email(String pointer, String value) {
        return matches(pointer, value, EMAIL, "must be an e-mail address");
    }

    /**
     * A region of the IANA time-zone database such as Asia/Shanghai, if present; {@code ZoneId.of} alone also
     * takes fixed offsets, which know no daylight saving.
     */
    public InputErrors timeZone(String pointer, String value) {
        if (value != null && !java.time.ZoneId.getAvailableZoneIds().contains(value)) {
            add(pointer, "must be an IANA time zone such as Asia/Shanghai");
        }
        return this;
    }

    /** One of an enum's constant names, if present. */
    public <E extends Enum<E>> InputErrors oneOf(String pointer, String value, Class<E> type) {
        return oneOf(pointer, value, java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    /** A whole number within [min, max], if present. */
    public InputErrors between(String pointer, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(pointer, "must be between " + min + " and " + max);
        }
        return this;
    }

    /** Why someone did something, for the audit trail: required, at most 1000 characters, at least 10 of substance. */
    public InputErrors reason(String pointer, String value) {
        int before = errors.size();
        text(pointer, value, 1000);
        if (errors.size() == before && value.strip().length() < 10) {
            add(pointer, "must say why, in at least 10 characters");
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
