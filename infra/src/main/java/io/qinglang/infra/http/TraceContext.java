package io.qinglang.infra.http;

import io.helidon.common.context.Contexts;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A request's place in a W3C Trace Context trace (https://www.w3.org/TR/trace-context/): the trace it belongs to, the
 * span this server opened for it, and whether the caller records the trace. A caller's valid {@code traceparent}
 * is continued, so its trace id names the request in the logs, in problem answers and in the calls the request
 * makes; a missing or malformed one starts a new trace instead (a bad header never fails a request).
 */
public record TraceContext(String traceId, String spanId, boolean sampled) {

    public static final String HEADER = "traceparent";
    private static final HexFormat HEX = HexFormat.of();
    private static final String NO_TRACE = "0".repeat(32);
    private static final String NO_SPAN = "0".repeat(16);

    /** The caller's trace (if {@code traceparent} is a valid header) with a new span of this server's, else a new trace. */
    public static TraceContext continuing(String traceparent) {
        if (!valid(traceparent)) {
            return new TraceContext(HEX.toHexDigits(random()) + HEX.toHexDigits(random()), HEX.toHexDigits(random()), false);
        }
        boolean sampled = (HEX.fromHexDigits(traceparent, 53, 55) & 1) == 1;
        return new TraceContext(traceparent.substring(3, 35), HEX.toHexDigits(random()), sampled);
    }

    /** The trace of the request this thread is serving, if it is serving one. */
    public static Optional<TraceContext> current() {
        return Contexts.context().flatMap(context -> context.get(TraceContext.class));
    }

    /** The header naming this span as the parent: for the answer, and for the calls the request makes. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    /**
     * Version, trace id, parent id and flags in lower-case hex, neither id all zeros, version {@code ff} invalid; a later
     * version may append fields after a dash, version 00 may not.
     */
    static boolean valid(String header) {
        if (header == null || header.length() < 55 || !hex(header, 0, 2) || header.startsWith("ff")
                || header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-'
                || !hex(header, 3, 35) || !hex(header, 36, 52) || !hex(header, 53, 55)) {
            return false;
        }
        boolean longerAllowed = !header.startsWith("00") && (header.length() == 55 || header.charAt(55) == '-');
        return (header.length() == 55 || longerAllowed)
                && !header.regionMatches(3, NO_TRACE, 0, 32) && !header.regionMatches(36, NO_SPAN, 0, 16);
    }

    private static boolean hex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Not a secret, only unique: a trace id names a request, it grants nothing. */
    private static long random() {
        long value;
        do {
            value = ThreadLocalRandom.current().nextLong();
        } while (value == 0);
        return value;
    }
}
