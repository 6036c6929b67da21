package io.qinglang.infra.persistence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TenantTablesTest {

    @Test
    void aTableComesBeforeEveryTableItReferences() {
        List<String> tables = List.of("cases", "case_events", "evidence", "evidence_content", "rewards", "channels");
        List<String[]> references = List.of(
                new String[]{"case_events", "cases"}, new String[]{"evidence", "cases"},
                new String[]{"evidence", "case_events"}, new String[]{"evidence_content", "evidence"},
                new String[]{"rewards", "cases"}, new String[]{"cases", "channels"},
                new String[]{"cases", "tenants"}); // a table outside the list is not deleted from, and not in the order

        List<String> order = TenantTables.referencingFirst(tables, references);

        assertThat(order).containsExactlyInAnyOrderElementsOf(tables);
        for (String[] reference : references) {
            if (tables.contains(reference[1])) {
                assertThat(order.indexOf(reference[0])).as(reference[0] + " before " + reference[1])
                        .isLessThan(order.indexOf(reference[1]));
            }
        }
    }

    @Test
    void aCycleOfDeferrableKeysDoesNotLoopForever() {
        List<String> order = TenantTables.referencingFirst(List.of("a", "b"),
                List.of(new String[]{"a", "b"}, new String[]{"b", "a"}));
        assertThat(order).containsExactlyInAnyOrder("a", "b");
    }
}
