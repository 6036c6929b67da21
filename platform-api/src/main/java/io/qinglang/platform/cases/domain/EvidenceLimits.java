package io.qinglang.platform.cases.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What evidence a reporter may upload in one request: how many files, how large, of which types. A file's
 * declared type must match what its first bytes say it is, so a script cannot pass as a picture.
 */
public record EvidenceLimits(int maxFiles, long maxFileBytes) {

    private static final Map<String, Predicate<byte[]>> SIGNATURES = Map.of(
            "image/jpeg", b -> startsWith(b, 0xFF, 0xD8, 0xFF),
            "image/png", b -> startsWith(b, 0x89, 'P', 'N', 'G'),
            "image/gif", b -> startsWith(b, 'G', 'I', 'F', '8'),
            "image/webp", b -> startsWith(b, 'R', 'I', 'F', 'F') && b.length > 11 && b[8] == 'W' && b[9] == 'E',
            "application/pdf", b -> startsWith(b, '%', 'P', 'D', 'F'),
            "video/mp4", b -> b.length > 7 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p',
            "audio/mpeg", b -> startsWith(b, 'I', 'D', '3') || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0),
            "text/plain", EvidenceLimits::isUtf8Text);

    public static Set<String> allowedTypes() {
        return SIGNATURES.keySet();
    }

    /** Checks one file already read within {@link #maxFileBytes}; {@code index} names it in the refusal. */
    public void check(int index, EvidenceFile file) {
        String type = baseType(file.contentType());
        Predicate<byte[]> signature = SIGNATURES.get(type);
        if (signature == null) {
            throw new EvidenceRejected.UnsupportedType(index, file.contentType());
        }
        if (file.content().length == 0 || !signature.test(file.content())) {
            throw new EvidenceRejected.ContentMismatch(index, type);
        }
    }

    public static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8Text(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return bytes.length > 0 && indexOfZero(bytes) < 0;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int indexOfZero(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
