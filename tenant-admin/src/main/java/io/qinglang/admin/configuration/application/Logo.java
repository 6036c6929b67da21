package io.qinglang.admin.configuration.application;

import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.tenants.domain.DisclosureSettings;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/**
 * A tenant's logo: a PNG or JPEG image of at most 256 KiB and {@value #MAX_SIDE} pixels a side, recognised by its
 * first bytes and its header, not by what it claims (a small file may claim a huge image, which decoding would have
 * to make room for).
 */
public record Logo(byte[] bytes, String contentType) {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    public static final int MAX_SIDE = 2000;

    /** The image as uploaded; refused unless it is a PNG or JPEG within the size limit. */
    public static Logo of(byte[] bytes) {
        InputErrors errors = new InputErrors();
        if (bytes == null || bytes.length == 0) {
            errors.add("", "must be a PNG or JPEG image");
        } else if (bytes.length > DisclosureSettings.MAX_LOGO_BYTES) {
            errors.add("", "must be at most " + DisclosureSettings.MAX_LOGO_BYTES / 1024 + " KiB");
        } else if (!startsWith(bytes, PNG) && !startsWith(bytes, JPEG) || size(bytes).isEmpty()) {
            errors.add("", "must be a PNG or JPEG image");
        } else if (!withinLimits(bytes)) {
            errors.add("", "must be at most " + MAX_SIDE + " × " + MAX_SIDE + " pixels");
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

    /** Whether an image's header gives a size of at most {@value #MAX_SIDE} pixels a side (read, not decoded). */
    public static boolean withinLimits(byte[] image) {
        return size(image).filter(s -> s[0] > 0 && s[1] > 0 && s[0] <= MAX_SIDE && s[1] <= MAX_SIDE).isPresent();
    }

    private static Optional<int[]> size(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new int[]{reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
