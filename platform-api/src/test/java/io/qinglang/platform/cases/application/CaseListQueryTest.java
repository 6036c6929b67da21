package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.CaseFilter;
import io.qinglang.platform.cases.domain.CaseStatus;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CaseListQueryTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void readsTheQueueFiltersAsTrueFalseOrAbsent() {
        CaseFilter filter = CaseListQuery.of(Map.of("open", List.of("true"), "assigned", List.of("false"),
                "waiting", List.of("true"), "major", List.of("false"), "extensionPending", List.of("true")))
                .parse(NOW).filter();
        assertThat(filter.open()).isTrue();
        assertThat(filter.assigned()).isFalse();
        assertThat(filter.waiting()).isTrue();
        assertThat(filter.major()).isFalse();
        assertThat(filter.extensionPending()).isTrue();
        assertThat(filter.rewardPending()).isNull();
    }

    @Test
    void namesEachMalformedFilter() {
        CaseListQuery query = CaseListQuery.of(Map.of("open", List.of("yes"), "assigned", List.of("1"),
                "waiting", List.of(""), "major", List.of("TRUE"), "extensionPending", List.of("no"),
                "rewardPending", List.of("maybe")));
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> query.parse(NOW));
        assertThat(refused.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder("/query/open",
                "/query/assigned", "/query/waiting", "/query/major", "/query/extensionPending", "/query/rewardPending");
    }

    @Test
    void givesBackTheParametersItWasReadFromAsAQueryString() {
        Map<String, List<String>> parameters = Map.of("status", List.of("RECEIVED", "APPEALED"),
                "assignee", List.of("zhang san@body.example"), "open", List.of("true"), "q", List.of("a&b=c"),
                "dueWithinHours", List.of("24"), "limit", List.of("50"));
        CaseListQuery query = CaseListQuery.of(parameters);
        assertThat(query.parameters()).isEqualTo(parameters);
        assertThat(CaseListQuery.of(query.parameters())).isEqualTo(query);
        assertThat(query.queryString()).isEqualTo("status=RECEIVED&status=APPEALED&assignee=zhang+san%40body.example"
                + "&open=true&dueWithinHours=24&q=a%26b%3Dc&limit=50");
        assertThat(CaseListQuery.of(Map.of()).queryString()).isEmpty();
    }

    @Test
    void eachQueueIsAListQuery() {
        Map<String, CaseListQuery> queues = CaseQueues.definitions("li@body.example", true);
        assertThat(queues.keySet()).containsExactly("mine", "unassigned", "dueSoon", "overdue", "waiting", "major",
                "appeals", "extensions", "rewards");
        assertThat(queues.get("mine").queryString()).isEqualTo("assignee=li%40body.example&open=true");
        assertThat(queues.get("unassigned").queryString()).isEqualTo("assigned=false&open=true");
        assertThat(queues.get("appeals").parse(NOW).filter().statuses()).containsExactly(CaseStatus.APPEALED);
        assertThat(queues.get("dueSoon").parse(NOW).filter().dueBefore()).isEqualTo(NOW.plusSeconds(24 * 3600));
        assertThat(CaseQueues.definitions("li@body.example", false)).doesNotContainKeys("extensions", "rewards");
    }
}
