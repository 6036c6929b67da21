package io.qinglang.portal.web;

import io.qinglang.platform.audit.domain.ChainLink;
import io.qinglang.platform.audit.domain.ChainSeqRefused;
import io.qinglang.platform.disclosure.application.PublishedAuditHead;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The check on a body's page of reports: someone who kept a number and hash of the body's audit chain (from that page,
 * the API or a disclosure report) types them in, and the page shows the hash stored at that number now and whether
 * it is the one they kept. A plain GET form ({@code seq}, {@code hash}), so it needs no script and can be bookmarked.
 */
public record AuditHeadForm(String seq, String hash) {

    static AuditHeadForm of(String seq, String hash) {
        return new AuditHeadForm(blankToNull(seq), blankToNull(hash));
    }

    /**
     * Puts the body's head in the model ({@code head}, with {@code atSeq} when a number was asked for), what was typed
     * ({@code check}, and {@code keep} for the language switch), each field's problem as a message key
     * ({@code checkErrors}) and, for a good check, whether the kept hash is the stored one ({@code same}); answers the
     * page's status, 400 when the check cannot be made.
     */
    int check(PublishedAuditHead heads, String tenant, Map<String, Object> model) {
        Map<String, String> errors = new LinkedHashMap<>();
        PublishedAuditHead.Answer head;
        try {
            head = heads.read(tenant, seq, "/query/seq");
        } catch (ChainSeqRefused refused) {
            errors.put("seq", "head.check." + refused.code());
            head = heads.read(tenant, null, null);
        }
        if (seq == null && hash != null) {
            errors.put("seq", "head.check.SEQ_REQUIRED");
        }
        Optional<String> kept = hash == null ? Optional.empty() : ChainLink.keptHash(hash);
        if (hash != null && kept.isEmpty()) {
            errors.put("hash", "head.check.HASH_INVALID");
        }
        model.put("head", head);
        model.put("check", this);
        model.put("keep", query());
        model.put("checkErrors", errors);
        if (errors.isEmpty() && kept.isPresent()) {
            model.put("same", kept.get().equals(head.atSeq().hash()));
        }
        return errors.isEmpty() ? 200 : 400;
    }

    /** The check as the language switch carries it over to the other language's page. */
    private String query() {
        StringBuilder query = new StringBuilder();
        for (String[] field : new String[][]{{"seq", seq}, {"hash", hash}}) {
            if (field[1] != null) {
                query.append(query.isEmpty() ? "" : "&").append(field[0]).append('=')
                        .append(URLEncoder.encode(field[1], StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
