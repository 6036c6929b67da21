package io.qinglang.admin.configuration.application;

import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.tenants.domain.DisclosureSettings;

import java.util.Arrays;

/** A tenant's logo: a PNG or JPEG image of at most 256 KiB, recognised by its first bytes, not by what it claims. */
public record Logo(byte[] bytes, String contentType) {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    /** The image as uploaded; refused unless it is a PNG or JPEG within the size limit. */
    public static Logo of(byte[] bytes) {
        InputErrors errors = new InputErrors();
        if (bytes == null || bytes.length == 0) {
            errors.add("", "must be a PNG or JPEG image");
        } else if (bytes.length > DisclosureSettings.MAX_LOGO_BYTES) {
            errors.add("", "must be at most " + DisclosureSettings.MAX_LOGO_BYTES / 1024 + " KiB");
        } else if (startsWith(bytes, PNG)) {
            return new Logo(bytes, "image/png");
        } else if (startsWith(bytes, JPEG)) {
            return new Logo(bytes, "image/jpeg");
        } else {
            errors.add("", "must be a PNG or JPEG image");
        }
        errors.throwIfAny();
        throw new IllegalStateException();
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
