package io.qinglang.infra.persistence;

import io.qinglang.admin.health.application.DependencyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** The database answers a query through the application's own pool, within two seconds. */
@ApplicationScoped
public class DatabaseCheck implements DependencyCheck {

    private final DataSource dataSource;

    @Inject
    public DatabaseCheck(@Named(DataSourceProducer.NAME) DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String check() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery("select current_setting('server_version')")) {
                rs.next();
                return "PostgreSQL " + rs.getString(1);
            }
        }
    }
}
