package io.qinglang.admin.console.web;

import jakarta.ws.rs.core.MultivaluedHashMap;

/** Posted forms for tests: names and values in turn, a name given twice holding both values. */
public final class Forms {

    private Forms() {
    }

    public static MultivaluedHashMap<String, String> form(String... namesAndValues) {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
