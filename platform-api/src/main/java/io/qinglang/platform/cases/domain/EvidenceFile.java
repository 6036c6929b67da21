package io.qinglang.platform.cases.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An uploaded file as received, already within the size and type limits. */
public record EvidenceFile(String fileName, String contentType, byte[] content) {

    /** The longest name kept, in characters; a longer one is shortened before its extension. */
    static final int MAX_NAME = 255;
    private static final int MAX_EXTENSION = 16;

    /** A file uploaded as the {@code index}th of its request, under its name {@linkplain #cleanName cleaned}. */
    public static EvidenceFile uploaded(String sentName, int index, String contentType, byte[] content) {
        return new EvidenceFile(cleanName(sentName, index), contentType, content);
    }

    /**
     * The name a file is kept under, whatever a client sent: the last segment of a path (so a name cannot smuggle
     * one), without control and format characters (NUL, bidirectional overrides), line separators or unpaired
     * surrogates, trimmed and at most {@value #MAX_NAME} characters; {@code evidence-<n>} when nothing usable is left.
     * The one rule for every upload: the API, a reporter's added information and the portal's form.
     */
    public static String cleanName(String sent, int index) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(EvidenceFile::keptInName)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.chars().allMatch(c -> c == '.')) {
            return "evidence-" + (index + 1);
        }
        return shortened(name);
    }

    private static boolean keptInName(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String shortened(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= MAX_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_NAME - extension.codePointCount(0, extension.length());
        return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + extension;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
