package io.qinglang.infra.it;

import io.qinglang.infra.it.FuzzSender.Answer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the fuzzer found, as lists a failed assertion prints: the first 20 distinct method + path + status + problem
 * code, each with one request that shows it.
 */
final class FuzzFindings {

    private static final int SHOWN = 20;

    private final List<Answer> answers;

    FuzzFindings(List<Answer> answers) {
        this.answers = answers;
    }

    /** How many answers had each status, and how many operations were tried. */
    String summary() {
        return answers.stream().collect(java.util.stream.Collectors.groupingBy(Answer::status, java.util.TreeMap::new,
                java.util.stream.Collectors.counting())) + " over "
                + answers.stream().map(a -> a.request().operation()).distinct().count() + " operations";
    }

    /** Answers of 500 and above, and connections that failed. */
    List<String> serverErrors() {
        return distinct(a -> a.status() >= 500 || a.status() < 0);
    }

    /** Errors of the API that are not RFC 9457 problems (pages may answer errors in HTML). */
    List<String> errorsThatAreNoProblem() {
        return distinct(a -> a.status() >= 400 && a.request().path().startsWith("/api/")
                && !a.contentType().startsWith("application/problem+json"));
    }

    /**
     * Requests to the tenant that must only refuse which it did not refuse. A redirect to sign in is the console's
     * refusal; a GET that only redirects (a console form's address asked for by GET) accepts nothing either.
     */
    List<String> refusalsAccepted() {
        return distinct(a -> a.request().mustBeRefused() && a.status() < 400 && !(a.status() == 303
                && (a.location().contains("/console/sign-in") || a.request().method().equals("GET"))));
    }

    private List<String> distinct(Predicate<Answer> bad) {
        Map<String, String> found = new LinkedHashMap<>();
        answers.stream().filter(bad).forEach(a -> found.putIfAbsent(a.request().operation() + " → " + a.status() + " "
                + a.code() + " " + a.contentType(), a.request().describe() + (a.detail() == null ? "" : ": " + a.detail())));
        return found.entrySet().stream().limit(SHOWN).map(e -> e.getKey() + "\n    e.g. " + e.getValue()).toList();
    }
}
