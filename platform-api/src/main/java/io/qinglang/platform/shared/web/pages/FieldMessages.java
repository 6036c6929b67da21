package io.qinglang.platform.shared.web.pages;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the API's field errors (JSON pointers, English details) into what a form shows next to each field, in
 * the reader's language. Details the pages have no text for are shown as the API wrote them.
 */
public final class FieldMessages {

    private static final Pattern AT_MOST = Pattern.compile("must be at most (\\d+) characters");

    private FieldMessages() {
    }

    /** Field name → message, several messages for one field joined; {@code fieldOf} maps a pointer to a field. */
    public static Map<String, String> of(InvalidInput error, Function<String, String> fieldOf, Map<String, String> texts) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : error.errors()) {
            String field = e.pointer().startsWith("/evidence") ? "evidence" : fieldOf.apply(e.pointer());
            byField.merge(field, localize(e.detail(), texts), (a, b) -> a + "; " + b);
        }
        return byField;
    }

    public static String localize(String detail, Map<String, String> t) {
        Matcher atMost = AT_MOST.matcher(detail);
        if (atMost.matches()) {
            return t.get("field.tooLong").replace("{0}", atMost.group(1));
        }
        String key = switch (detail) {
            case "is required" -> "field.required";
            case "must not contain control characters" -> "field.control";
            case "must be an http or https URL" -> "field.url";
            case "must be an e-mail address" -> "field.email";
            case "must be a phone number" -> "field.phone";
            case "must give an email or a phone, or be omitted" -> "field.contact";
            case "is not a category of this tenant", "must be a category code" -> "field.category";
            case "must be a date (YYYY-MM-DD)" -> "field.date";
            case "must be an identifier" -> "field.identifier";
            case "must say why, in at least 10 characters" -> "field.reasonTooShort";
            default -> detail.startsWith("is required for ") ? "field.nameRequired" : null;
        };
        return key == null ? detail : t.get(key);
    }
}
