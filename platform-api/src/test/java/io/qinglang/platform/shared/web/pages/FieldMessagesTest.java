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

    @Test
    void theAdministrationsDetailsToo() {
        Map<String, String> zh = SHARED.of(Language.ZH);
        assertThat(FieldMessages.localize("must be at least 5: smaller counts could identify reporters", zh))
                .isEqualTo("不得小于 5：更小的数字可能识别出举报人。");
        assertThat(FieldMessages.localize("cannot retire a category with active sub-categories: a, b",
                SHARED.of(Language.EN))).isEqualTo("Retire its sub-categories first: a, b.");
        assertThat(FieldMessages.localize("must be between 1 and 3650", zh)).isEqualTo("请填写 1 至 3650 之间的数。");
        assertThat(FieldMessages.localize("would make a cycle: a lies under b", zh)).isEqualTo("这样会使该类别成为自己的下级。");
        for (String detail : List.of("must be a PNG or JPEG image", "must be an ISO 4217 currency code such as CNY",
                "must name at least one of handler, supervisor, tenant-admin", "must be a whole number",
                "must be BEGIN:VCALENDAR: this is not an iCalendar file", "preview the policy before adopting it")) {
            assertThat(FieldMessages.localize(detail, zh)).as(detail).doesNotContain("??").isNotEqualTo(detail);
        }
    }
}
