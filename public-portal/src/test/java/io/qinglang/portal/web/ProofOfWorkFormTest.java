package io.qinglang.portal.web;

import io.qinglang.platform.cases.application.CaseTracking;
import io.qinglang.platform.cases.application.IntakeChallenges.Challenge;
import io.qinglang.platform.cases.web.MultipartForm;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.shared.web.pages.TenantTime;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ProofOfWorkFormTest {

    private static final PortalPages PAGES = new PortalPages();
    private static final PublicConfiguration BODY = new PublicConfiguration("body", "某机构", "A body", null, null, false,
            true, false, List.of(), List.of(), List.of(), List.of(), null);

    @Test
    void aFormBringsItsProofOnlyWithBothTokenAndSolution() {
        assertThat(ProofOfWorkForm.proof(form(Map.of("powToken", "t.k", "powSolution", " 42 ")))).isEqualTo("t.k:42");
        assertThat(ProofOfWorkForm.proof(form(Map.of("powToken", "t.k", "powSolution", "")))).isNull();
        assertThat(ProofOfWorkForm.proof(form(Map.of()))).isNull();
    }

    @Test
    void aRefusedProofIsToldApartFromAMissingOne() {
        assertThat(ProofOfWorkForm.refusal(form(Map.of("powToken", "t.k", "powSolution", "x")), "pow.track.refused"))
                .isEqualTo("pow.notAccepted");
        assertThat(ProofOfWorkForm.refusal(form(Map.of("powToken", "t.k")), "pow.track.refused"))
                .isEqualTo("pow.track.refused");
    }

    @Test
    void theLookupFormKeepsWhatWasTypedAsTextAndCarriesAChallenge() {
        Map<String, Object> model = new HashMap<>(Map.of("tenant", BODY, "csrf", "c", "errorKey", "pow.track.refused",
                "kept", Map.of("receiptCode", "7KQ2-M9XD-4HTP-RW3C", "action", "reply", "message", "<b>订单</b>")));
        ProofOfWorkForm.offer(model, issuing(new AtomicInteger()));
        String html = PAGES.render("track", model, Language.EN);
        assertThat(html).contains("value=\"7KQ2-M9XD-4HTP-RW3C\"", "&lt;b&gt;订单&lt;/b&gt;</textarea>",
                "name=\"action\" value=\"reply\"", "data-pow-bits=\"18\"",
                "/static/pow.js", "Switch JavaScript on and press the button again", ">Send<")
                .as("the refusal says it all: no second notice").doesNotContain("id=\"pow-noscript\"");
    }

    @Test
    void everyFormOfTheCasePageCarriesAChallengeOfItsOwn() {
        CaseTracking.File file = new CaseTracking.File(UUID.randomUUID(), "photo.png", "image/png", 10, "00");
        CaseTracking view = new CaseTracking("JB-1", "RECEIVED", Instant.EPOCH, null, false, false, null, null,
                Instant.EPOCH, null, List.of(new CaseTracking.Entry("RECEIVED", Instant.EPOCH, "REPORTER", null,
                List.of(file))), null);
        Map<String, Object> model = new HashMap<>(Map.of("tenant", BODY, "case", view, "receiptCode", "7KQ2",
                "csrf", "c", "errors", Map.of(), "done", "", "when", new TenantTime(ZoneId.of("Asia/Shanghai")),
                "maxFiles", 5));
        ProofOfWorkForm.offer(model, issuing(new AtomicInteger()));
        String html = PAGES.render("case", model, Language.ZH);
        assertThat(Pattern.compile("name=\"powToken\" value=\"(token-\\d)\"").matcher(html).results()
                .map(m -> m.group(1)).toList()).as("reply, appeal, the file").doesNotHaveDuplicates().hasSize(3);
        assertThat(html).contains("data-pow-renew=\"/api/v1/tenants/body/tracking/challenge\"", "防滥用校验");
    }

    private static java.util.function.Supplier<Optional<Challenge>> issuing(AtomicInteger issued) {
        return () -> Optional.of(new Challenge("token-" + issued.incrementAndGet(), 18, Instant.EPOCH));
    }

    private static MultipartForm.Form form(Map<String, String> fields) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        fields.forEach((k, v) -> raw.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new MultipartForm.Form(raw, List.of());
    }
}
