package io.qinglang.portal.web;

import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.shared.web.pages.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    private static final Messages PORTAL = new PortalPages().messages();

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
        assertThat(PORTAL.of(Language.ZH).get("front.title")).isEqualTo(zh.getProperty("front.title"));
        assertThat(PORTAL.of(Language.EN).get("front.title")).isEqualTo(en.getProperty("front.title"));
        assertThat(PORTAL.of(Language.EN).get("no.such.key")).isEqualTo("??no.such.key??");
        // the domain's labels and the texts every page shares are there too, in each language
        assertThat(PORTAL.of(Language.EN).get("field.required")).isEqualTo("This is required.");
        assertThat(PORTAL.of(Language.EN).get("stage.REVIEW")).isEqualTo("Review");
        assertThat(PORTAL.of(Language.ZH).get("stage.REVIEW")).isEqualTo("复核");
    }

}
