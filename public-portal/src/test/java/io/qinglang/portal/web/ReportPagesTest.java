package io.qinglang.portal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPagesTest {

    @Test
    void namesTheFileSizeLimitInMegabytesOrKilobytesNeverAsZero() {
        assertThat(ReportPages.size(10L * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(ReportPages.size(300L * 1024)).isEqualTo("300 KB");
        assertThat(ReportPages.size(100)).isEqualTo("1 KB");
    }
}
