package io.qinglang.infra.persistence;

import io.qinglang.platform.shared.application.TenantScope;
import io.qinglang.platform.shared.domain.TenantId;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Hands out pooled connections already set to the tenant of the current {@link TenantScope}, for
 * PostgreSQL's row-level security. Without a scope the setting is emptied, which matches no tenant row:
 * a connection can never keep the previous borrower's tenant.
 */
public final class TenantAwareDataSource implements DataSource {

    private static final String SET_TENANT = "select set_config('qinglang.tenant_id', ?, false)";

    private final DataSource pool;

    public TenantAwareDataSource(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(pool.getConnection(username, password));
    }

    private static Connection scoped(Connection connection) throws SQLException {
        String tenant = TenantScope.current().map(TenantId::toString).orElse("");
        try (PreparedStatement statement = connection.prepareStatement(SET_TENANT)) {
            statement.setString(1, tenant);
            statement.execute();
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
