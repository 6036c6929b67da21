package io.qinglang.infra.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of a tenant's rows in every table with a {@code tenant_id} (and its row of {@code tenants}), read as the
 * owner: equal digests mean no row was added, changed or removed.
 */
final class TableDigests {

    private TableDigests() {
    }

    static Map<String, String> of(String tenantId) {
        Map<String, String> digests = new TreeMap<>();
        try (Connection c = Fixtures.platform().ownerConnection()) {
            for (String table : tenantTables(c)) {
                digests.put(table, digest(c, "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by "
                        + "t::text)), '') from " + table + " t where tenant_id = ?::uuid", tenantId));
            }
            digests.put("tenants", digest(c, "select md5(t::text) from tenants t where id = ?::uuid", tenantId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }

    private static List<String> tenantTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select c.table_name from information_schema.columns c "
                + "join information_schema.tables t using (table_schema, table_name) where c.column_name = 'tenant_id' "
                + "and c.table_schema = current_schema() and t.table_type = 'BASE TABLE' order by 1");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static String digest(Connection c, String sql, String tenantId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }
}
