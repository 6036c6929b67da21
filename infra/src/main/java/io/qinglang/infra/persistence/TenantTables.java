package io.qinglang.infra.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tables that hold a body's rows: every table of the schema with a {@code tenant_id} column. */
final class TenantTables {

    /** Their names, in order. */
    static final String NAMES = "select c.table_name::text from information_schema.columns c"
            + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
            + " where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'"
            + " order by 1";

    /** The foreign keys between tables of the schema: referencing table, referenced table. */
    static final String REFERENCES = "select conrelid::regclass::text, confrelid::regclass::text from pg_constraint"
            + " where contype = 'f' and connamespace = current_schema()::regnamespace and conrelid <> confrelid";

    private TenantTables() {
    }

    /** {@code tables} ordered so that a table comes before every table it references (delete in this order). */
    static List<String> referencingFirst(List<String> tables, List<String[]> references) {
        Map<String, Set<String>> referencedBy = new HashMap<>();
        for (String[] reference : references) {
            referencedBy.computeIfAbsent(reference[1], k -> new LinkedHashSet<>()).add(reference[0]);
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String table : tables) {
            place(table, tables, referencedBy, placed, new LinkedHashSet<>(), order);
        }
        return order;
    }

    private static void place(String table, List<String> tables, Map<String, Set<String>> referencedBy,
                              Set<String> placed, Set<String> visiting, List<String> order) {
        if (placed.contains(table) || !visiting.add(table)) {
            return; // placed, or a cycle (its keys are deferrable and checked at commit)
        }
        for (String child : referencedBy.getOrDefault(table, Set.of())) {
            if (tables.contains(child)) {
                place(child, tables, referencedBy, placed, visiting, order);
            }
        }
        placed.add(table);
        order.add(table);
    }
}
