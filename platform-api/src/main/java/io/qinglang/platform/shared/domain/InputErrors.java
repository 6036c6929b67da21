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

    private final List<FieldError> errors = new ArrayList<>();

    public InputErrors add(String pointer, String detail) {
        errors.add(new FieldError(pointer, detail));
        return this;
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

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
