package io.qinglang.infra.dev;

import io.helidon.microprofile.server.Server;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.qinglang.infra.metrics.MetricsEndpoint;
import jakarta.enterprise.inject.spi.CDI;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;

/**
 * Dev mode: the local environment (PostgreSQL, Keycloak, mail catcher) and the platform on
 * http://localhost:8080 with the demo tenant, until Ctrl-C. Data lives in {@code .qinglang/dev}, so a
 * restart keeps tenants, cases and logins. Invitation and notification e-mails are printed here.
 */
public final class DevServer {

    private static final int PORT = Integer.getInteger("qinglang.dev.port", 8080);

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        Instant began = Instant.now();
        Path root = Path.of("").toAbsolutePath();
        Path zip = Path.of(System.getProperty("qinglang.keycloak.dist", "infra/target/keycloak/keycloak-dist.zip"));
        Path cache = Path.of(System.getProperty("qinglang.keycloak.cache", System.getProperty("user.home") + "/.cache/qinglang"));
        DevSettings settings = DevSettings.launcher(root, zip, cache);
        DevEnvironment environment = DevEnvironment.start(settings, line -> System.out.println("  " + line));
        Server[] server = new Server[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server[0], environment), "dev-stop"));
        configure(environment.endpoints(), platformKeys(settings.dataFolder()));
        // dev mode's clock: the system's, except while the demo body's year is written (once, on the first start)
        SeedingClock.install();
        System.out.println("  platform: starting on port " + PORT + " …");
        server[0] = Server.builder().build().start();
        boolean created = DemoTenant.ensure(environment.endpoints(), line -> System.out.println("  " + line)).isPresent();
        MailPrinter printer = new MailPrinter(environment.mail());
        if (printer.notPrinted() > 0) {
            System.out.println("  mail: " + printer.notPrinted() + " mail(s) of the demo body's year in the catcher, not "
                    + "printed; mail from now on is printed below");
        }
        printer.start();
        printWelcome(environment.endpoints(), created, Duration.between(began, Instant.now()));
        Thread.currentThread().join();
    }

    private static void configure(Endpoints endpoints, Properties keys) {
        System.setProperty("server.port", String.valueOf(PORT));
        endpoints.serverProperties().forEach(System::setProperty);
        // deadline alerts and notices reach the mail catcher within half a minute
        System.setProperty("qinglang.jobs.interval-seconds", System.getProperty("qinglang.jobs.interval-seconds", "30"));
        keys.forEach((k, v) -> System.setProperty((String) k, (String) v));
    }

    /** The platform's keys for this data folder: made once, kept, so sealed data stays readable. */
    static Properties platformKeys(Path dataFolder) throws IOException {
        Path file = dataFolder.resolve("platform-keys.properties");
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                keys.load(in);
            }
            return keys;
        }
        SecureRandom random = new SecureRandom();
        for (String name : new String[]{"qinglang.crypto.master-key", "qinglang.crypto.receipt-key"}) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys.setProperty(name, Base64.getEncoder().encodeToString(key));
        }
        Files.createDirectories(dataFolder);
        try (Writer out = Files.newBufferedWriter(file)) {
            keys.store(out, "Qinglang dev-mode platform keys (local data only)");
        }
        return keys;
    }

    private static void printWelcome(Endpoints endpoints, boolean created, Duration took) {
        String base = "http://localhost:" + PORT;
        StringBuilder text = new StringBuilder("\n");
        text.append("Qinglang 清朗 is running (ready in ").append(took.toSeconds()).append(" s")
                .append(created ? ", demo tenant created" : "").append(")\n\n");
        text.append("  Portal               ").append(base).append("/  (demo body: ").append(base)
                .append("/t/demo, report form /t/demo/report)\n");
        text.append("  Staff console        ").append(base).append("/console/  (sign in as a demo handler or supervisor below)\n");
        text.append("  Administration       ").append(base).append("/console/admin  (the demo admin)\n");
        text.append("  Platform operator    ").append(base).append("/console/platform  (the operator)\n");
        text.append("  API                  ").append(base).append("/api/v1/…\n");
        text.append("  Public intake        POST ").append(base).append("/api/v1/tenants/demo/reports\n");
        text.append("  Receipt tracking     POST ").append(base).append("/api/v1/tenants/demo/tracking\n");
        text.append("  OpenAPI              ").append(base).append("/openapi\n");
        text.append("  Health               ").append(base).append("/health\n");
        text.append("  Metrics (Prometheus) http://localhost:").append(adminPort()).append("/metrics  (the operator's port)\n");
        text.append("  Keycloak             ").append(endpoints.keycloakUrl()).append("/admin  (")
                .append(endpoints.keycloakAdminUsername()).append(" / ").append(endpoints.keycloakAdminPassword()).append(")\n");
        text.append("  PostgreSQL           ").append(endpoints.jdbcUrl()).append("  (")
                .append(endpoints.ownerUser()).append(" / ").append(endpoints.ownerPassword()).append(")\n");
        text.append("  Mail catcher (SMTP)  ").append(endpoints.smtpHost()).append(':').append(endpoints.smtpPort())
                .append("  — received mail is printed below\n\n");
        text.append("  Demo logins (realm ").append(endpoints.realm()).append(", client ")
                .append(endpoints.consoleClientId()).append("):\n");
        text.append("    ").append(pad(endpoints.operatorUsername())).append(endpoints.operatorPassword()).append("   platform-admin\n");
        DemoTenant.LOGINS.forEach(login -> text.append("    ").append(pad(login.username())).append(DemoTenant.PASSWORD)
                .append("   ").append(login.role()).append(" of tenant demo\n"));
        text.append("\n  Token:  curl -d grant_type=password -d client_id=").append(endpoints.consoleClientId())
                .append(" -d username=operator -d password=").append(endpoints.operatorPassword()).append(' ')
                .append(endpoints.tokenUrl()).append("\n\nCtrl-C stops everything; data stays in .qinglang/dev.\n");
        System.out.println(text);
    }

    private static int adminPort() {
        return CDI.current().getBeanManager().getExtension(ServerCdiExtension.class).port(MetricsEndpoint.SOCKET);
    }

    private static String pad(String s) {
        return String.format("%-34s", s);
    }

    private static void stop(Server server, DevEnvironment environment) {
        System.out.println("\nStopping Qinglang …");
        if (server != null) {
            try {
                server.stop();
            } catch (RuntimeException e) {
                System.err.println("platform: " + e.getMessage());
            }
        }
        try {
            environment.close();
        } catch (IOException e) {
            System.err.println(e.getMessage());
        }
        System.out.println("Stopped.");
    }
}
