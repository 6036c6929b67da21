package io.qinglang.infra.persistence;

import io.qinglang.platform.cases.domain.CaseFilter;
import io.qinglang.platform.cases.domain.CasePage;
import io.qinglang.platform.deadlines.domain.DeadlineStage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JPQL of a handler's case search: only the filter's non-null parts become conditions, every value is a
 * bound parameter, and paging continues strictly after the last case seen (keyset on receipt time and id, in
 * either direction).
 */
final class CaseSearch {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final boolean oldestFirst;

    CaseSearch(CaseFilter filter, CasePage.Position after) {
        when(filter.statuses() != null && !filter.statuses().isEmpty(), "c.status in :statuses", "statuses", filter.statuses());
        when(filter.category() != null, "c.categoryCode = :category", "category", filter.category());
        when(filter.channel() != null, "c.channelCode = :channel", "channel", filter.channel());
        when(filter.severities() != null && !filter.severities().isEmpty(), "c.severity in :severities", "severities",
                filter.severities());
        when(filter.urgent() != null, "c.urgent = :urgent", "urgent", filter.urgent());
        when(filter.department() != null, "c.department = :department", "department", filter.department());
        when(filter.assignee() != null, "c.assignee = :assignee", "assignee", filter.assignee());
        when(filter.receivedFrom() != null, "c.receivedAt >= :from", "from", filter.receivedFrom());
        when(filter.receivedBefore() != null, "c.receivedAt < :before", "before", filter.receivedBefore());
        if (filter.text() != null) {
            conditions.add("(lower(c.reference) like :text escape '!' or lower(c.subjectValue) like :text escape '!'"
                    + " or lower(c.description) like :text escape '!')");
            parameters.put("text", "%" + escape(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.dueBefore() != null) {
            // a running, unpaused stage of staff's (not the reporter's appeal window) falling due in the window
            conditions.add("exists (select d from CaseDeadline d where d.caseId = c.id and d.completedAt is null "
                    + "and d.pausedAt is null and d.stage <> :appealWindow and d.dueAt < :dueBefore"
                    + (filter.dueFrom() != null ? " and d.dueAt >= :dueFrom)" : ")"));
            parameters.put("appealWindow", DeadlineStage.APPEAL_WINDOW);
            parameters.put("dueBefore", filter.dueBefore());
            if (filter.dueFrom() != null) {
                parameters.put("dueFrom", filter.dueFrom());
            }
        }
        oldestFirst = filter.oldestFirst();
        if (after != null) {
            String later = oldestFirst ? ">" : "<";
            conditions.add("(c.receivedAt " + later + " :afterAt or (c.receivedAt = :afterAt and c.id " + later + " :afterId))");
            parameters.put("afterAt", after.receivedAt());
            parameters.put("afterId", after.id());
        }
    }

    String jpql() {
        String direction = oldestFirst ? "" : " desc";
        return "select c from Case c" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by c.receivedAt" + direction + ", c.id" + direction;
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
