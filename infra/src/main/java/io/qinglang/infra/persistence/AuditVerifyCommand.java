package io.qinglang.infra.persistence;

import io.qinglang.infra.dev.DevPorts;
import io.qinglang.infra.dev.DevPostgres;
import io.qinglang.infra.dev.DevSecrets;
import io.qinglang.platform.audit.domain.AuditChain;
import io.qinglang.platform.audit.domain.ChainVerification;
import io.qinglang.platform.shared.domain.TenantId;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ./qinglang audit-verify [--dev] <tenant>}: checks a tenant's audit chain straight in the database, without
 * a running server, and names the first broken link. It connects as the application role (so row-level security
 * applies) with the server's configuration ({@code qinglang.db.*}, e.g. QINGLANG_DB_URL in the environment), or,
 * with {@code --dev}, to the local dev environment's database. Exit status: 0 intact, 2 broken, 1 could not check.
 */
public final class AuditVerifyCommand {

    static final String DEV_URL = "jdbc:postgresql://localhost:" + DevPorts.launcherDefaults().postgres() + "/"
            + DevPostgres.APP_DATABASE;
    static final int BATCH = 5_000;

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 1 && args[0].equals("--export")) {
            return verifyExport(args, out, err);
        }
        boolean dev = args.length == 2 && args[0].equals("--dev");
        String slug = args.length == 0 ? "" : args[args.length - 1];
        if (!(args.length == 1 || dev) || slug.isBlank() || slug.startsWith("-")) {
            err.println("usage: ./qinglang audit-verify [--dev] <tenant-slug>");
            err.println("       ./qinglang audit-verify --export <file.zip.gpg>");
            err.println("  connects with qinglang.db.url / app-user / app-password (QINGLANG_DB_URL, …), or with --dev");
            err.println("  to the database of ./qinglang dev");
            return 1;
        }
        String url;
        String user;
        String password;
        if (dev) {
            url = DEV_URL;
            user = DevPostgres.APP_USER;
            password = DevSecrets.localDefaults().appPassword();
        } else {
            Config config = ConfigProvider.getConfig();
            url = config.getValue("qinglang.db.url", String.class);
            user = config.getOptionalValue("qinglang.db.app-user", String.class).orElse(DevPostgres.APP_USER);
            password = config.getOptionalValue("qinglang.db.app-password", String.class).orElse("");
        }
        out.println("Checking the audit chain of " + slug + " in " + url + " as " + user + " …");
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            Optional<UUID> tenant = tenantId(db, slug);
            if (tenant.isEmpty()) {
                err.println("No tenant with the slug '" + slug + "'.");
                return 1;
            }
            ChainVerification result = verify(db, new TenantId(tenant.get()), out);
            long waiting = waiting(db);
            if (waiting > 0) {
                out.println(waiting + " newer event(s) are stored and waiting to be sealed into the chain (the "
                        + "platform's sequencer seals them within seconds while it runs); they are not checked here.");
            }
            if (result.intact()) {
                out.println("Audit chain of " + slug + " is intact: " + result.eventsVerified() + " events verified.");
                return 0;
            }
            out.println("Audit chain of " + slug + " is BROKEN at event " + result.firstBrokenSeq() + ": "
                    + result.problem() + " (" + result.eventsVerified() + " events verified before it).");
            return 2;
        } catch (SQLException e) {
            err.println("Could not read the database: " + e.getMessage());
            return 1;
        }
    }

    /** The chain of an export, offline: its passphrase from QINGLANG_EXPORT_PASSPHRASE or asked for. */
    private static int verifyExport(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[1].isBlank()) {
            err.println("usage: ./qinglang audit-verify --export <file.zip.gpg>");
            err.println("  the passphrase is read from QINGLANG_EXPORT_PASSPHRASE, or asked for at the terminal");
            return 1;
        }
        java.nio.file.Path file = java.nio.file.Path.of(args[1]);
        if (!java.nio.file.Files.isReadable(file)) {
            err.println("No export at " + file + ".");
            return 1;
        }
        String given = System.getenv("QINGLANG_EXPORT_PASSPHRASE");
        char[] passphrase;
        if (given != null && !given.isEmpty()) {
            passphrase = given.toCharArray();
        } else if (System.console() != null) {
            passphrase = System.console().readPassword("Passphrase of %s: ", file.getFileName());
        } else {
            err.println("Give the export's passphrase in QINGLANG_EXPORT_PASSPHRASE (no terminal to ask at).");
            return 1;
        }
        try {
            return verifyExport(file, passphrase, out, err);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    /** Follows the audit chain inside an export opened with {@code passphrase}: 0 intact, 2 broken, 1 unreadable. */
    public static int verifyExport(java.nio.file.Path file, char[] passphrase, PrintStream out, PrintStream err) {
        return ExportAuditVerifier.run(file, passphrase, out, err);
    }

    private static Optional<UUID> tenantId(Connection db, String slug) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select id from tenants where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static long waiting(Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select count(*) from audit_events where seq is null");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ChainVerification verify(Connection db, TenantId tenant, PrintStream out) throws SQLException {
        try (PreparedStatement scope = db.prepareStatement("select set_config('qinglang.tenant_id', ?, false)")) {
            scope.setString(1, tenant.value().toString());
            scope.execute();
        }
        AuditChain chain = new AuditChain(tenant);
        long after = 0;
        long read = 0;
        try (PreparedStatement s = db.prepareStatement("select " + SqlAuditLog.COLUMNS + " from audit_events "
                + "where seq > ? order by seq limit ?")) {
            while (true) {
                s.setLong(1, after);
                s.setInt(2, BATCH);
                int inBatch = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[11];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        var entry = SqlAuditLog.entry(row);
                        chain.accept(entry);
                        after = entry.seq();
                        inBatch++;
                    }
                }
                read += inBatch;
                if (inBatch < BATCH) {
                    return chain.result();
                }
                out.println("… " + read + " events read");
            }
        }
    }
}
