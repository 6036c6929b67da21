package io.qinglang.portal.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/qinglang/portal/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveEveryTextAndNoneIsEmpty() throws IOException {
        Properties zh = bundle("messages_zh_CN");
        Properties en = bundle("messages_en");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(zh.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
        assertThat(en.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
        assertThat(Messages.of(Language.ZH.locale()).get("site.name")).isEqualTo(zh.getProperty("site.name"));
        assertThat(Messages.of(Language.EN.locale()).get("site.name")).isEqualTo(en.getProperty("site.name"));
        assertThat(Messages.of(Language.EN.locale()).get("no.such.key")).isEqualTo("??no.such.key??");
        // the domain's shared labels are there too, in each language
        assertThat(Messages.of(Language.EN.locale()).get("stage.REVIEW")).isEqualTo("Review");
        assertThat(Messages.of(Language.ZH.locale()).get("stage.REVIEW")).isEqualTo("复核");
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
