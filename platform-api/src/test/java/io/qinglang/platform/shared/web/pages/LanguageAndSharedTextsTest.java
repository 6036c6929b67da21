package io.qinglang.platform.shared.web.pages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageAndSharedTextsTest {

    static Properties bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LanguageAndSharedTextsTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theSharedTextsHaveEveryKeyInBothLanguagesAndNoneIsEmpty() throws IOException {
        Properties zh = bundle("/io/qinglang/platform/shared/web/pages/pages_zh_CN.properties");
        Properties en = bundle("/io/qinglang/platform/shared/web/pages/pages_en.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames()).contains("site.name", "error.csrf");
        assertThat(zh.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
        assertThat(en.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
        Messages shared = new Messages(Messages.SHARED);
        assertThat(shared.of(Language.ZH).get("site.name")).isEqualTo(zh.getProperty("site.name"));
        assertThat(shared.of(Language.EN).get("no.such.key")).isEqualTo("??no.such.key??");
    }

    @Test
    void theSwitchBeatsTheCookieWhichBeatsTheBrowserAndChineseIsTheDefault() {
        assertThat(Language.choose("en", "zh-CN", "zh-CN")).isEqualTo(Language.EN);
        assertThat(Language.choose(null, "en", "zh-CN")).isEqualTo(Language.EN);
        assertThat(Language.choose("fr", null, "fr-FR, en-GB;q=0.8, zh;q=0.5")).isEqualTo(Language.EN);
        assertThat(Language.choose(null, null, "zh-TW,zh;q=0.9,en;q=0.8")).isEqualTo(Language.ZH);
        assertThat(Language.choose(null, null, "de-DE")).isEqualTo(Language.ZH);
        assertThat(Language.choose(null, null, "en;q=0, zh;q=0.1")).isEqualTo(Language.ZH);
        assertThat(Language.choose(null, null, ";;;garbage=")).isEqualTo(Language.ZH);
        assertThat(Language.choose(null, "<script>", null)).isEqualTo(Language.ZH);
    }
}
