package io.qinglang.platform.cases.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceFileNameTest {

    @Test
    void dropsControlAndFormatCharactersAndUnpairedSurrogates() {
        assertThat(EvidenceFile.cleanName("pho\u0000to.png", 0)).isEqualTo("photo.png");
        assertThat(EvidenceFile.cleanName("invoice\u202Egnp.exe", 0)).isEqualTo("invoicegnp.exe");
        assertThat(EvidenceFile.cleanName("a\uD800b\u2028c.txt", 0)).isEqualTo("abc.txt");
        assertThat(EvidenceFile.cleanName("截图 😀.png", 0)).isEqualTo("截图 😀.png");
    }

    @Test
    void keepsOnlyTheLastSegmentOfAPath() {
        assertThat(EvidenceFile.cleanName("..\\..\\windows/system32\\evil.dll", 0)).isEqualTo("evil.dll");
        assertThat(EvidenceFile.cleanName("/etc/passwd", 0)).isEqualTo("passwd");
    }

    @Test
    void namesAFileWithNothingUsableLeftByItsPlace() {
        assertThat(EvidenceFile.cleanName("\u0000\u0007", 1)).isEqualTo("evidence-2");
        assertThat(EvidenceFile.cleanName(null, 0)).isEqualTo("evidence-1");
        assertThat(EvidenceFile.cleanName("  ", 0)).isEqualTo("evidence-1");
        assertThat(EvidenceFile.cleanName("dir/..", 2)).isEqualTo("evidence-3");
    }

    @Test
    void shortensALongNameBeforeItsExtension() {
        String name = EvidenceFile.cleanName("证".repeat(300) + ".jpeg", 0);
        assertThat(name.codePointCount(0, name.length())).isEqualTo(EvidenceFile.MAX_NAME);
        assertThat(name).endsWith("证.jpeg");
        String emoji = EvidenceFile.cleanName("😀".repeat(300), 0);
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(EvidenceFile.MAX_NAME);
        assertThat(emoji.codePoints()).allMatch(c -> c == 0x1F600);
    }
}
