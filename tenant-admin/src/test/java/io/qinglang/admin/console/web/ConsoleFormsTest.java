package io.qinglang.admin.console.web;

import io.qinglang.platform.cases.application.CaseCommand;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.qinglang.admin.console.web.Forms.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleFormsTest {

    @Test
    void aFormMakesTheSameCommandAsTheApisJsonWithBlankFieldsAbsent() {
        Object decide = FormBinding.bind(CaseCommand.Decide.class, form("outcome", "SUBSTANTIATED", "actions",
                "CONTENT_REMOVED", "actions", "WARNING_ISSUED", "actions", "", "legalBasis", "第六条", "reasons", " ",
                "csrf", "ignored"));
        assertThat(decide).isEqualTo(new CaseCommand.Decide("SUBSTANTIATED", List.of("CONTENT_REMOVED", "WARNING_ISSUED"),
                "第六条", null));
        UUID request = UUID.randomUUID();
        assertThat(FormBinding.bind(CaseCommand.AnswerExtension.class, form("requestId", request.toString(),
                "approve", "false", "reason", "不同意")))
                .isEqualTo(new CaseCommand.AnswerExtension(request, false, "不同意"));
    }

    @Test
    void fieldsThatAreNotTheirTypeAreNamedTogether() {
        assertThatThrownBy(() -> FormBinding.bind(CaseCommand.Transfer.class, form("dueBy", "2026-02-30", "withIdentity",
                "perhaps", "reason", "x")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::pointer)
                        .containsExactlyInAnyOrder("/dueBy", "/withIdentity"));
        assertThatThrownBy(() -> FormBinding.bind(CaseCommand.Merge.class, form("leadCaseId", "JB-2026-000001")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().getFirst().detail())
                        .isEqualTo("must be an identifier"));
    }

    @Test
    void aReturnAddressIsOnlyEverAPageOfTheConsole() {
        assertThat(SignInResource.safeReturn("/console/cases?status=RECEIVED")).isEqualTo("/console/cases?status=RECEIVED");
        for (String outside : new String[]{null, "", "https://evil.example/", "//evil.example/console/", "/console\\..\\x",
                "/t/demo", "/console/\r\nSet-Cookie: x", "javascript:alert(1)"}) {
            assertThat(SignInResource.safeReturn(outside)).as(String.valueOf(outside)).isEqualTo("/console/");
        }
        String search = "/console/cases?q=%E8%B5%8C%E5%8D%9A&status=RECEIVED&status=ACCEPTED";
        assertThat(SignInResource.safeReturn(SignInResource.decodeReturn(SignInResource.encodeReturn(search)))).isEqualTo(search);
        assertThat(SignInResource.decodeReturn("not base64!")).isNull();
    }

    @Test
    void timeLeftSaysItInWordsAndAStateNotOnlyAColour() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        Map<String, String> t = new ConsolePages().messages().of(io.qinglang.platform.shared.web.pages.Language.ZH);
        TimeLeft left = new TimeLeft(now, t);
        assertThat(left.of(now.plus(Duration.ofDays(3).plusHours(5)), false))
                .isEqualTo(new TimeLeft.Standing("ok", "剩余 3 天 5 小时"));
        assertThat(left.of(now.plus(Duration.ofHours(5)), false)).isEqualTo(new TimeLeft.Standing("soon", "剩余 5 小时"));
        assertThat(left.of(now.minus(Duration.ofMinutes(20)), false)).isEqualTo(new TimeLeft.Standing("overdue", "已超期 20 分钟"));
        assertThat(left.of(now.minus(Duration.ofDays(2)), true).state()).isEqualTo("paused");
    }

    @Test
    void bothLanguagesOfTheConsoleHaveEveryText() {
        var pages = new ConsolePages().messages();
        var zh = pages.of(io.qinglang.platform.shared.web.pages.Language.ZH);
        var en = pages.of(io.qinglang.platform.shared.web.pages.Language.EN);
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        assertThat(zh.get("step.decide")).isEqualTo("作出处理决定");
        assertThat(en.get("step.decide")).isEqualTo("Decide");
        for (String step : CaseSteps.COMMANDS.keySet()) {
            assertThat(zh).containsKey("step." + step).containsKey("step." + step + ".submit");
        }
        for (String step : RewardSteps.ALL) {
            assertThat(en).containsKey("step.reward-" + step).containsKey("step.reward-" + step + ".submit");
        }
    }
}
