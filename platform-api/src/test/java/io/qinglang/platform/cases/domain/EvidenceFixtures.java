package io.qinglang.platform.cases.domain;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The first bytes of a real file of each evidence type, padded to look like a small file. */
final class EvidenceFixtures {

    static final Map<String, byte[]> SAMPLES = Map.of(
            "image/jpeg", file(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'),
            "image/png", file(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
            "image/gif", file('G', 'I', 'F', '8', '9', 'a'),
            "image/webp", file('R', 'I', 'F', 'F', 0x24, 0x00, 0x00, 0x00, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '),
            "application/pdf", file('%', 'P', 'D', 'F', '-', '1', '.', '7', '\n'),
            "video/mp4", file(0x00, 0x00, 0x00, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'),
            "audio/mpeg", file('I', 'D', '3', 0x04, 0x00),
            "text/plain", "网站上有诈骗广告。\nThe page says: \"send money\".\t-- a reporter\r\n"
                    .getBytes(StandardCharsets.UTF_8));

    private EvidenceFixtures() {
    }

    static EvidenceFile aFile(String contentType, byte[] content) {
        return new EvidenceFile("evidence.bin", contentType, content);
    }

    static EvidenceFile aSample(String contentType) {
        return aFile(contentType, SAMPLES.get(contentType));
    }

    /** The given leading bytes followed by some zero bytes of body. */
    static byte[] file(int... leading) {
        byte[] bytes = new byte[leading.length + 32];
        for (int i = 0; i < leading.length; i++) {
            bytes[i] = (byte) leading[i];
        }
        return bytes;
    }
}
