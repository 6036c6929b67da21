package io.qinglang.admin.configuration.application;

import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogoTest {

    @Test
    void takesARealPngOrJpegAndTellsWhichItIs() throws IOException {
        assertThat(Logo.of(image(120, 60, "png")).contentType()).isEqualTo("image/png");
        assertThat(Logo.of(image(120, 60, "jpg")).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void refusesASmallFileThatClaimsAHugeImageBeforeAnythingDecodesIt() throws IOException {
        byte[] huge = claiming(image(1, 1, "png"), 20_000, 20_000);
        assertThat(huge.length).isLessThan(1024);
        assertThatThrownBy(() -> Logo.of(huge)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors().getFirst().detail()).contains("2000 × 2000 pixels"));
        assertThat(Logo.withinLimits(huge)).isFalse();
        assertThat(Logo.withinLimits(claiming(image(1, 1, "png"), 2000, 2000))).isTrue();
    }

    @Test
    void refusesWhatOnlyStartsLikeAnImage() {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        assertThatThrownBy(() -> Logo.of(header)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Logo.of(new byte[0])).isInstanceOf(InvalidInput.class);
    }

    static byte[] image(int width, int height, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    /** The PNG with its header (IHDR, right after the 8-byte signature) saying another size, its checksum kept right. */
    static byte[] claiming(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return copy;
    }
}
