package io.qinglang.admin.console.web;

import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.pages.Csrf;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.Map;

/** What a posted form holds, as the pages need it: the values as typed, and the version its page was read at. */
public final class PostedForm {

    private PostedForm() {
    }

    /** A form's values as typed (the CSRF token left out), to be shown again with it. */
    public static Map<String, String> typed(MultivaluedMap<String, String> form) {
        Map<String, String> typed = new HashMap<>();
        form.forEach((name, values) -> {
            if (!name.equals(Csrf.FIELD) && !values.isEmpty()) {
                typed.put(name, String.join("\n", values));
            }
        });
        return typed;
    }

    /**
     * The version of the thing the form's page showed (the form's {@code If-Match}): 0 when the page offered to
     * create it, so that two people creating the same thing do not overwrite each other either.
     */
    public static long version(MultivaluedMap<String, String> form) {
        String text = form.getFirst("version");
        try {
            long version = Long.parseLong(text == null ? "" : text.strip());
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw InvalidInput.of("/version", "the form does not say which version it was made from");
    }

    /** The form with each unticked box of {@code boxes} present as {@code false} (a browser sends nothing for it). */
    public static MultivaluedMap<String, String> withBoxes(MultivaluedMap<String, String> form, String... boxes) {
        MultivaluedMap<String, String> all = new MultivaluedHashMap<>(form);
        for (String box : boxes) {
            if (!"true".equals(form.getFirst(box))) {
                all.putSingle(box, "false");
            }
        }
        return all;
    }
}
