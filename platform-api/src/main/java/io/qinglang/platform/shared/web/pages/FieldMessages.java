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
    private static final Pattern BETWEEN = Pattern.compile("must be between (-?\\d+) and (-?\\d+)");
    private static final Pattern AT_LEAST = Pattern.compile("must be at least (\\d+) characters");
    private static final Pattern SMALL_CELL = Pattern.compile("must be at least (\\d+): smaller counts could identify reporters");
    private static final Pattern ACTIVE_CHILDREN = Pattern.compile("cannot retire a category with active sub-categories: (.*)");

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
        Matcher atLeast = AT_LEAST.matcher(detail);
        if (atLeast.matches()) {
            return t.get("field.tooShort").replace("{0}", atLeast.group(1));
        }
        Matcher between = BETWEEN.matcher(detail);
        if (between.matches()) {
            return t.get("field.between").replace("{0}", between.group(1)).replace("{1}", between.group(2));
        }
        if (detail.startsWith("must be one of ")) {
            return t.get("field.oneOf");
        }
        Matcher smallCell = SMALL_CELL.matcher(detail);
        if (smallCell.matches()) {
            return t.get("field.smallCell").replace("{0}", smallCell.group(1));
        }
        Matcher children = ACTIVE_CHILDREN.matcher(detail);
        if (children.matches()) {
            return t.get("field.activeChildren").replace("{0}", children.group(1));
        }
        String key = switch (detail) {
            case "is required" -> "field.required";
            case "must be the same passphrase twice" -> "field.passphrasesDiffer";
            case "must not contain control characters" -> "field.control";
            case "must be an http or https URL" -> "field.url";
            case "must be an e-mail address" -> "field.email";
            case "must be a phone number" -> "field.phone";
            case "must give an email or a phone, or be omitted" -> "field.contact";
            case "is not a category of this tenant", "must be a category code" -> "field.category";
            case "must be a date (YYYY-MM-DD)" -> "field.date";
            case "must be an identifier" -> "field.identifier";
            case "must say why, in at least 10 characters" -> "field.reasonTooShort";
            case "must be a whole number" -> "field.wholeNumber";
            case "must be whole numbers, apart by commas" -> "field.wholeNumbers";
            case "must be a number" -> "field.number";
            case "must be an IANA time zone such as Asia/Shanghai" -> "field.timeZone";
            case "must be 3-40 lowercase letters, digits or hyphens, starting with a letter" -> "field.slug";
            case "must be 1-40 lower-case letters, digits or hyphens" -> "field.code";
            case "must be a telephone number such as 12377 or +86 10 1234 5678" -> "field.phone";
            case "must be a PNG or JPEG image" -> "field.image";
            case "must be an ISO 4217 currency code such as CNY" -> "field.currency";
            case "must be an amount" -> "field.number";
            case "must be more than 0 and at most 100, with at most 2 decimals" -> "field.percent";
            case "applies to a PERCENTAGE rule only" -> "field.percentageOnly";
            case "applies to a FIXED rule only; a percentage rule has percent, minimum and cap" -> "field.fixedOnly";
            case "must name at least one of handler, supervisor, tenant-admin" -> "field.oneRole";
            case "must name at least one of MONTHLY, QUARTERLY, YEARLY" -> "field.onePeriod";
            case "a category cannot be its own parent" -> "field.ownParent";
            case "is retired; an active category cannot sit under a retired one" -> "field.retiredParent";
            case "must be BEGIN:VCALENDAR: this is not an iCalendar file" -> "field.notIcs";
            case "is not valid UTF-8 text" -> "field.utf8";
            case "preview the policy before adopting it" -> "field.previewFirst";
            default -> detail.startsWith("is required for ") ? "field.nameRequired"
                    : detail.startsWith("would make a cycle: ") ? "field.cycle" : null;
        };
        return key == null ? detail : t.get(key);
    }
}
