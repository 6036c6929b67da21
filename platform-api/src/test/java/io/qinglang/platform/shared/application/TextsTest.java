package io.qinglang.platform.shared.application;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void theSharedLabelsHaveEveryKeyInBothLanguagesAndNoneIsEmpty() {
        Map<String, String> zh = Texts.load(Locale.SIMPLIFIED_CHINESE, Texts.LABELS);
        Map<String, String> en = Texts.load(Locale.ENGLISH, Texts.LABELS);
        assertThat(zh.keySet()).isEqualTo(en.keySet()).contains("measure.RECEIVED", "outcome.MALICIOUS", "stage.REVIEW");
        assertThat(zh.values()).allSatisfy(v -> assertThat(v).isNotBlank());
        assertThat(en.values()).allSatisfy(v -> assertThat(v).isNotBlank());
        assertThat(zh.get("measure.RECEIVED")).isEqualTo("接收举报");
        assertThat(en.get("measure.RECEIVED")).isEqualTo("Received");
    }
}
