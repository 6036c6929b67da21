package io.qinglang.platform.shared.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text from a request checked for what lenient decoders let through: bytes that are not UTF-8 (an overlong
 * {@code C0 AF} read as "/", a surrogate encoded in three bytes) and unpaired UTF-16 surrogates (a JSON {@code
 * "\ud800"}, which PostgreSQL would store as "?"). Neither can come from a correct client; both are refused.
 */
public final class StrictText {

    private StrictText() {
    }

    /** Where the first byte that does not belong to well-formed UTF-8 is, or -1 if all of it is UTF-8. */
    public static int malformedUtf8At(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(1024);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear(); // the decoded text is not kept: only whether it decodes
        }
    }

    public static int malformedUtf8At(byte[] bytes) {
        return malformedUtf8At(bytes, 0, bytes.length);
    }

    /** Where the first surrogate without its partner is, or -1 if there is none. */
    public static int unpairedSurrogateAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
