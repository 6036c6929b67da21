package io.qinglang.infra.http;

import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.StrictText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A form posted as {@code application/x-www-form-urlencoded} is checked before anything reads it: every name and value
 * must be well-formed %-encoding of UTF-8 text. Jersey would read a malformed one leniently (a broken sequence as
 * U+FFFD, an overlong one as the character it spells); no browser sends one, so it is refused with 400 naming the
 * field, as a JSON body's would be.
 */
@Provider
@PreMatching
public class FormEncodingFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || !request.hasEntity()) {
            return;
        }
        if (elsewhere(request)) {
            // the portal, at the site root, may see a request for the console or the API on its way there: reading
            // its body here would leave none for the application it is for
            return;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            return;
        }
        byte[] form;
        try {
            form = request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(form);
        request.setEntityStream(new ByteArrayInputStream(form));
    }

    /** A request the portal at the site root sees that belongs to the console or the API. */
    static boolean elsewhere(ContainerRequestContext request) {
        return "/".equals(request.getUriInfo().getBaseUri().getPath())
                && request.getUriInfo().getPath().replaceFirst("^/", "").matches("(api|console)(/.*)?");
    }

    static void check(byte[] form) {
        int start = 0;
        for (int i = 0; i <= form.length; i++) {
            if (i == form.length || form[i] == '&') {
                checkPair(form, start, i);
                start = i + 1;
            }
        }
    }

    private static void checkPair(byte[] form, int from, int to) {
        int equals = from;
        while (equals < to && form[equals] != '=') {
            equals++;
        }
        String name = decoded(form, from, equals);
        if (name == null) {
            throw InvalidInput.of("", "the form has a field name that is not %-encoded UTF-8 text");
        }
        if (equals < to && decoded(form, equals + 1, to) == null) {
            throw InvalidInput.of("/" + name.replace("~", "~0").replace("/", "~1"), "is not %-encoded UTF-8 text");
        }
    }

    /** The text {@code form[from..to)} encodes, or null if it is not well-formed %-encoding of UTF-8. */
    private static String decoded(byte[] form, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            if (form[i] == '%') {
                int high = i + 2 < to ? Character.digit(form[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(form[i + 2], 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(form[i] == '+' ? ' ' : form[i]);
            }
        }
        byte[] raw = bytes.toByteArray();
        return StrictText.malformedUtf8At(raw) >= 0 ? null : new String(raw, StandardCharsets.UTF_8);
    }
}
