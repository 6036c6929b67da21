package io.qinglang.infra.http;

import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.StrictText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * A form posted as {@code application/x-www-form-urlencoded} is checked before its resource reads it: every name and
 * value must be well-formed %-encoding of UTF-8 text. Jersey would read a malformed one leniently (a broken sequence as
 * U+FFFD, an overlong one as the character it spells); no browser sends one, so it is refused with 400 naming the
 * field, as a JSON body's would be. A request that carries no form to a resource that takes one is refused too (no
 * Content-Type 415, an empty body 400): Jersey would hand the resource no form at all.
 * <p>
 * It runs once a resource of its own application has matched: the portal, at the site root, is asked first about
 * every path, the console's too, and must leave a body it will not answer for to the application that will.
 */
@Provider
public class FormEncodingFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!takesForm(resource.getResourceMethod())) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null) {
            throw new NotSupportedException("A form is expected here.");
        }
        if (!request.hasEntity()) {
            throw InvalidInput.of("", "the form is empty");
        }
        if (!type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
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

    private static boolean takesForm(Method method) {
        Consumes consumes = method == null ? null : method.isAnnotationPresent(Consumes.class)
                ? method.getAnnotation(Consumes.class) : method.getDeclaringClass().getAnnotation(Consumes.class);
        return consumes != null && java.util.Arrays.stream(consumes.value()).anyMatch(t ->
                MediaType.valueOf(t).isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
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
