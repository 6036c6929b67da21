package io.qinglang.platform.tenants.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugTextTest {

    @Test
    void onlyLowerCaseLettersDigitsAndHyphensUpToFortyCanBeASlug() {
        assertThat(TenantRepository.canBeSlug("demo")).isTrue();
        assertThat(TenantRepository.canBeSlug("in-8fc31021")).isTrue();
        assertThat(TenantRepository.canBeSlug("a".repeat(40))).isTrue();
        assertThat(TenantRepository.canBeSlug("a".repeat(41))).isFalse();
        assertThat(TenantRepository.canBeSlug("de\u0000mo")).as("a NUL byte").isFalse();
        assertThat(TenantRepository.canBeSlug("Demo")).isFalse();
        assertThat(TenantRepository.canBeSlug("")).isFalse();
        assertThat(TenantRepository.canBeSlug(null)).isFalse();
        assertThat(TenantRepository.canBeSlug("演示")).isFalse();
    }
}
