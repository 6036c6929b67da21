package io.qinglang.benchmarks;

import io.qinglang.infra.dev.Endpoints;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Makes PostgreSQL log every statement the application role runs, each line prefixed with the session's
 * application name ({@code qinglang} for the server, {@code qinglang-baseline} for the baseline), so the
 * platform's SQL and the baseline's can be compared line by line when one of them changes.
 */
final class SqlTrace {

    private SqlTrace() {
    }

    /** Must run before the pools open: a role's settings apply to sessions started afterwards. */
    static void enable(Endpoints endpoints, Consumer<String> progress) throws SQLException {
        try (Connection owner = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.ownerUser(), endpoints.ownerPassword());
             Statement statement = owner.createStatement()) {
            statement.execute("alter role " + endpoints.appUser() + " set log_statement = 'all'");
            statement.execute("alter system set log_line_prefix = '%m [%p] %a: '");
            statement.execute("select pg_reload_conf()");
        }
        progress.accept("postgres: logging every statement of " + endpoints.appUser() + " (--trace-sql)");
    }
}
