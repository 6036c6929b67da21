package io.qinglang.infra.persistence;

import io.qinglang.platform.cases.domain.CaseFilter;
import io.qinglang.platform.cases.domain.CasePage;
import io.qinglang.platform.cases.domain.CaseStatus;
import io.qinglang.platform.cases.domain.ExtensionRequest;
import io.qinglang.platform.rewards.domain.RewardStatus;
import io.qinglang.platform.shared.domain.Severity;
import io.qinglang.platform.deadlines.domain.DeadlineStage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JPQL of a handler's case search and of its count: only the filter's non-null parts become conditions, every
 * value is a bound parameter, and paging continues strictly after the last case seen (keyset on receipt time and
 * id, in either direction). A count takes the same conditions, so a queue's count and its list never disagree.
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
        either(filter.open(), "c.status in :openStates", "c.status not in :openStates",
                "openStates", CaseStatus.openStates());
        either(filter.assigned(), "c.assignee is not null", "c.assignee is null", null, null);
        either(filter.waiting(), "c.waitingSince is not null", "c.waitingSince is null", null, null);
        either(filter.major(), "(c.urgent = true or c.severity in :majorSeverities)",
                "(c.urgent = false and c.severity not in :majorSeverities)",
                "majorSeverities", Arrays.stream(Severity.values()).filter(Severity::major).toList());
        exists(filter.extensionPending(), "select r from ExtensionRequest r where r.caseId = c.id "
                + "and r.status = :pendingExtension", "pendingExtension", ExtensionRequest.Status.PENDING);
        // the reward routes, and so a supervisor's answer, go by the decided case (the lead of any duplicates)
        exists(filter.rewardPending(), "select w from Reward w where w.leadCaseId = c.id and w.status = :proposedReward",
                "proposedReward", RewardStatus.PROPOSED);
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
        return "select c from Case c" + where() + " order by c.receivedAt" + direction + ", c.id" + direction;
    }

    String countJpql() {
        return "select count(c) from Case c" + where();
    }

    private String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
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

    /** The condition when {@code wanted} is true, the opposite when false, nothing when null. */
    private void either(Boolean wanted, String condition, String opposite, String name, Object value) {
        if (wanted != null) {
            conditions.add(wanted ? condition : opposite);
            if (name != null) {
                parameters.put(name, value);
            }
        }
    }

    private void exists(Boolean wanted, String subquery, String name, Object value) {
        either(wanted, "exists (" + subquery + ")", "not exists (" + subquery + ")", name, value);
    }

    /** LIKE wildcards in the searched text match themselves ('!' is the escape character). */
    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
