package io.qinglang.platform.shared.web;

import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.domain.PreconditionRequired;
import jakarta.ws.rs.core.EntityTag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag ({@code "3"}), and a change names the version
 * it was made against in {@code If-Match}. A malformed tag is refused as bad input naming the header.
 */
public final class VersionTags {

    private static final Pattern VERSION_TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private VersionTags() {
    }

    public static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** The version {@code If-Match} names; it must be sent ({@code what} says of what, for the 428 answer). */
    public static long required(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("Send If-Match with the " + what + "'s version (its ETag, e.g. \"3\"), "
                    + "so that a change made by someone else meanwhile is not overwritten.");
        }
        return parse(ifMatch, what);
    }

    /** The version {@code If-Match} names, or null when it was not sent (a change that may be made blind). */
    public static Long optional(String ifMatch, String what) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch, what);
    }

    private static long parse(String ifMatch, String what) {
        Matcher m = VERSION_TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw InvalidInput.of("If-Match", "must be the " + what + "'s ETag, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1));
    }
}
