package io.qinglang.benchmarks;

import io.helidon.microprofile.server.Server;
import io.qinglang.infra.crypto.HmacSecretHasher;
import io.qinglang.infra.crypto.PlatformKeys;
import io.qinglang.infra.dev.DevEnvironment;
import io.qinglang.infra.dev.DevSettings;
import io.qinglang.infra.dev.Endpoints;
import io.qinglang.platform.shared.application.SecretHasher;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The platform as the benchmark measures it: the real environment (PostgreSQL, Keycloak, mail catcher) on
 * free ports in a fresh folder, and the assembled Helidon server in this JVM, configured as the integration
 * tests configure it except that lookups and reports are not rate-limited and a flood of reports or lookups never
 * asks for a proof-of-work (the rate is still judged on every request), then one onboarded tenant.
 */
final class BenchPlatform implements AutoCloseable {

    /** High enough that no benchmark run meets it; the limiter still runs on every lookup. */
    private static final String UNTHROTTLED = String.valueOf(1_000_000_000);

    private final DevEnvironment environment;
    private final Server server;
    private final Map<String, String> keys;
    private final AtomicBoolean closed = new AtomicBoolean();
    private BenchTenant tenant;

    private BenchPlatform(DevEnvironment environment, Server server, Map<String, String> keys) {
        this.environment = environment;
        this.server = server;
        this.keys = keys;
    }

    static BenchPlatform start(Path folder, Path keycloakZip, Path keycloakCache, boolean traceSql,
                               Consumer<String> progress) throws Exception {
        DevEnvironment environment = DevEnvironment.start(DevSettings.forTests(folder, keycloakZip, keycloakCache), progress);
        Server server = null;
        try {
            if (traceSql) {
                SqlTrace.enable(environment.endpoints(), progress);
            }
            Map<String, String> keys = Map.of("qinglang.crypto.master-key", randomKey(),
                    "qinglang.crypto.receipt-key", randomKey());
            configure(environment.endpoints(), keys);
            progress.accept("platform: starting the server …");
            server = Server.builder().build().start();
            progress.accept("platform: up on port " + server.port());
            BenchPlatform platform = new BenchPlatform(environment, server, keys);
            platform.tenant = TenantOnboarding.onboard(platform.client(), environment.endpoints());
            progress.accept("platform: tenant " + platform.tenant.slug() + " onboarded (" + TenantOnboarding.TEMPLATE + ")");
            return platform;
        } catch (Exception | Error e) {
            if (server != null) {
                server.stop();
            }
            environment.close();
            throw e;
        }
    }

    private static void configure(Endpoints endpoints, Map<String, String> keys) {
        endpoints.serverProperties().forEach(System::setProperty);
        Map<String, String> properties = Map.of(
                "server.port", "0",
                "server.host", "127.0.0.1",
                "qinglang.admin.port", "0",
                "qinglang.admin.host", "127.0.0.1",
                "qinglang.tracking.per-address-per-minute", UNTHROTTLED,
                "qinglang.tracking.per-tenant-per-minute", UNTHROTTLED,
                "qinglang.intake.per-address-per-hour", UNTHROTTLED,
                "qinglang.intake.per-tenant-per-minute", UNTHROTTLED,
                "qinglang.intake.challenge.floor-per-minute", UNTHROTTLED,
                "qinglang.tracking.challenge.floor-per-minute", UNTHROTTLED);
        properties.forEach(System::setProperty);
        keys.forEach(System::setProperty);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    PlatformClient client() {
        return new PlatformClient("http://127.0.0.1:" + server.port());
    }

    BenchTenant tenant() {
        return tenant;
    }

    Endpoints endpoints() {
        return environment.endpoints();
    }

    /** The server's pool size, which the baseline's pool matches. */
    int poolSize() {
        return ConfigProvider.getConfig().getOptionalValue("qinglang.db.pool-size", Integer.class).orElse(10);
    }

    /** The platform's own receipt hashing, under the same key, so the baseline stores and finds the same hashes. */
    SecretHasher secretHasher() {
        return new HmacSecretHasher(new PlatformKeys(keys.get("qinglang.crypto.master-key"),
                keys.get("qinglang.crypto.receipt-key")));
    }

    /** The platform's keys by their property names, for a load generator that hashes receipts as it does. */
    Map<String, String> keys() {
        return keys;
    }

    /** A connection as the database owner, outside row-level security, for observing the database. */
    Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(endpoints().jdbcUrl(), endpoints().ownerUser(), endpoints().ownerPassword());
    }

    boolean running() {
        return !closed.get();
    }

    /** Stops the server, then the environment; safe to call twice (the shutdown hook calls it too). */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } finally {
            environment.close();
        }
    }
}
