package io.qinglang.infra.persistence;

import io.qinglang.platform.cases.domain.CaseFilter;
import io.qinglang.platform.cases.domain.CasePage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JPQL of a handler's case search: only the filter's non-null parts become conditions, every value is a
 * bound parameter, and paging continues strictly after the last case seen (keyset on receipt time and id).
 */
final class CaseSearch {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    CaseSearch(CaseFilter filter, CasePage.Position after) {
        when(filter.statuses() != null && !filter.statuses().isEmpty(), "c.status in :statuses", "statuses", filter.statuses());
        when(filter.category() != null, "c.categoryCode = :category", "category", filter.category());
        when(filter.channel() != null, "c.channelCode = :channel", "channel", filter.channel());
        when(filter.urgent() != null, "c.urgent = :urgent", "urgent", filter.urgent());
        when(filter.receivedFrom() != null, "c.receivedAt >= :from", "from", filter.receivedFrom());
        when(filter.receivedBefore() != null, "c.receivedAt < :before", "before", filter.receivedBefore());
        if (filter.text() != null) {
            conditions.add("(lower(c.reference) like :text escape '!' or lower(c.subjectValue) like :text escape '!'"
                    + " or lower(c.description) like :text escape '!')");
            parameters.put("text", "%" + escape(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (after != null) {
            conditions.add("(c.receivedAt < :afterAt or (c.receivedAt = :afterAt and c.id < :afterId))");
            parameters.put("afterAt", after.receivedAt());
            parameters.put("afterId", after.id());
        }
    }

    String jpql() {
        return "select c from Case c" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by c.receivedAt desc, c.id desc";
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    private void when(boolean present, String condition, String name, Object value) {
        if (present) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    /** LIKE wildcards in the searched text match themselves ('!' is the escape character). */
    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
