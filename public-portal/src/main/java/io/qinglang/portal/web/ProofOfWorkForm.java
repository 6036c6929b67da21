package io.qinglang.portal.web;

import io.qinglang.platform.cases.application.IntakeChallenges.Challenge;
import io.qinglang.platform.cases.web.MultipartForm;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The proof-of-work a public form carries while its body's reports or receipt lookups arrive at an anomalous rate,
 * shared by the report form and the tracking pages: each form on a page gets a challenge of its own (the hidden
 * fields of {@code pow.ftlh}), {@code pow.js} solves it when the form is sent, and the page hands the pair on as the
 * API's {@code token:solution}. One solved challenge opens one request, so a page with several forms (the case page:
 * reply, appeal, each file) needs one per form.
 */
public final class ProofOfWorkForm {

    /** The form fields a challenge and its solution travel in. */
    static final Set<String> FIELDS = Set.of("powToken", "powSolution");

    private ProofOfWorkForm() {
    }

    /** A page's source of challenges: {@link #next()} for each form that sends a request. */
    public record Challenges(Challenge first, Supplier<Optional<Challenge>> issue) {

        /** A challenge of the form's own (the first one again if the rush ended while the page was drawn). */
        public Challenge next() {
            return issue.get().orElse(first);
        }
    }

    /** Puts {@code challenges} in a page's model when the body asks for a proof now; the page's forms carry one each. */
    static void offer(Map<String, Object> model, Supplier<Optional<Challenge>> issue) {
        issue.get().ifPresent(first -> model.put("challenges", new Challenges(first, issue)));
    }

    /** The {@code token:solution} a sent form brought, or null when it brought none (no challenge, or no script). */
    static String proof(MultipartForm.Form form) {
        String token = text(form, "powToken");
        String solution = text(form, "powSolution");
        return token == null || solution == null ? null : token + ":" + solution;
    }

    /**
     * Why the form's request was refused for its proof, as a message key: the one it brought was not accepted
     * (garbled, spent or expired: the page's new challenge will do), or {@code missing} when it brought none.
     */
    static String refusal(MultipartForm.Form form, String missing) {
        return proof(form) == null ? missing : "pow.notAccepted";
    }

    private static String text(MultipartForm.Form form, String name) {
        String value = form.field(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
