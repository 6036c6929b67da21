package io.qinglang.platform.shared.web.pages;

import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldMessagesTest {

    /** The shared texts alone (the labels and the frame's bundle, no module's). */
    static final Messages SHARED = new Messages(Messages.SHARED);

    @Test
    void theApisDetailsAreShownInTheReadersLanguageFieldByField() {
        InvalidInput error = new InvalidInput(List.of(new FieldError("/description", "is required"),
                new FieldError("/description", "must be at most 10000 characters"),
                new FieldError("/contact/email", "must be an e-mail address"),
                new FieldError("/evidence/1", "has a type that is not accepted"),
                new FieldError("/reporter", "is required for NAMED reports")));
        Map<String, String> zh = FieldMessages.of(error, Map.of("/description", "description",
                "/contact/email", "contactEmail", "/reporter", "reporterName")::get, SHARED.of(Language.ZH));
        assertThat(zh).containsEntry("description", "此项必填。; 不能超过 10000 个字符。")
                .containsEntry("contactEmail", "请填写有效的电子邮箱地址。")
                .containsEntry("evidence", "has a type that is not accepted")
                .containsEntry("reporterName", "保密或实名举报需要填写姓名。");
        assertThat(FieldMessages.localize("must be an http or https URL", SHARED.of(Language.EN)))
                .isEqualTo("Give a web address starting with http:// or https://.");
    }
}
