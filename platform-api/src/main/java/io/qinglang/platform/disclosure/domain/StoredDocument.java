package io.qinglang.platform.disclosure.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One archived file of a report, with the SHA-256 of its bytes, taken when it was made. */
public record StoredDocument(ReportEdition edition, String fileName, byte[] content, String sha256) {

    public static StoredDocument of(ReportEdition edition, String fileName, byte[] content) {
        return new StoredDocument(edition, fileName, content.clone(), sha256(content));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
