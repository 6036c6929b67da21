package io.qinglang.infra.server;

import io.qinglang.infra.crypto.PlatformKeys;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.Config;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a production start checks before it opens any port ({@code ./qinglang serve}, {@code ./qinglang check}, the
 * image's entry point): every secret is set, the keys are well formed, the database answers for both roles (and the
 * application's role is bound by row-level security), and the Keycloak realm has what the platform needs — the
 * platform client's credentials, organizations, the four roles, the console client with its scopes and audience. Each
 * problem is one line naming the environment variable to fix; checks that depend on one that failed are not run.
 */
public final class StartupCheck {

    /** Values without a default that a start cannot do without. */
    static final List<String> REQUIRED = List.of("qinglang.db.url", "qinglang.db.owner-user",
            "qinglang.db.owner-password", "qinglang.db.app-user", "qinglang.db.app-password", "qinglang.keycloak.url",
            "qinglang.keycloak.realm", "qinglang.keycloak.client-id", "qinglang.keycloak.client-secret",
            "qinglang.console.client-id", "qinglang.crypto.master-key", "qinglang.crypto.receipt-key");
    static final List<String> ROLES = List.of("platform-admin", "tenant-admin", "handler", "supervisor");
    private static final int TIMEOUT_SECONDS = 5;
    /** The Keycloak client has no timeouts of its own: its checks together get this long. */
    private static final int KEYCLOAK_SECONDS = 20;
    /** Rate limits: each must allow at least one attempt (0 would refuse everything, and divides by zero). */
    static final List<String> POSITIVE = List.of("qinglang.intake.per-address-per-hour",
            "qinglang.intake.per-tenant-per-minute", "qinglang.tracking.per-address-per-minute",
            "qinglang.tracking.per-tenant-per-minute");

    private final Config config;

    public StartupCheck(Config config) {
        this.config = config;
    }

    /** The problems found, one line each; empty when the platform can start. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String key : REQUIRED) {
            if (value(key).isEmpty()) {
                problems.add(env(key) + " is not set (" + key + ")" + hint(key));
            }
        }
        for (String key : POSITIVE) {
            value(key).filter(v -> !v.matches("[1-9][0-9]{0,8}")).ifPresent(v -> problems.add(env(key) + " must be a "
                    + "whole number of at least 1, not \"" + v + "\" (" + key + ")"));
        }
        for (String key : List.of("qinglang.crypto.master-key", "qinglang.crypto.receipt-key")) {
            value(key).flatMap(v -> PlatformKeys.problem(env(key), v)).ifPresent(problems::add);
        }
        if (present("qinglang.db.url", "qinglang.db.owner-user", "qinglang.db.owner-password")) {
            database(value("qinglang.db.owner-user").orElseThrow(), value("qinglang.db.owner-password").orElseThrow(),
                    "QINGLANG_DB_OWNER_USER/QINGLANG_DB_OWNER_PASSWORD", false).ifPresent(problems::add);
        }
        if (present("qinglang.db.url", "qinglang.db.app-user", "qinglang.db.app-password")) {
            database(value("qinglang.db.app-user").orElseThrow(), value("qinglang.db.app-password").orElseThrow(),
                    "QINGLANG_DB_APP_USER/QINGLANG_DB_APP_PASSWORD", true).ifPresent(problems::add);
        }
        if (present("qinglang.keycloak.url", "qinglang.keycloak.realm", "qinglang.keycloak.client-id",
                "qinglang.keycloak.client-secret", "qinglang.console.client-id")) {
            problems.addAll(bounded(this::realm, "Keycloak at " + value("qinglang.keycloak.url").orElseThrow()
                    + " (QINGLANG_KEYCLOAK_URL) did not answer within " + KEYCLOAK_SECONDS + " s"));
        }
        return problems.stream().distinct().toList();
    }

    private Optional<String> database(String user, String password, String variables, boolean application) {
        String url = value("qinglang.db.url").orElseThrow();
        DriverManager.setLoginTimeout(TIMEOUT_SECONDS);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.setQueryTimeout(TIMEOUT_SECONDS);
            if (application) {
                try (ResultSet r = s.executeQuery("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
                    if (r.next() && r.getBoolean(1)) {
                        return Optional.of("the database role " + user + " (QINGLANG_DB_APP_USER) is a superuser or bypasses "
                                + "row-level security: the application's role must be neither");
                    }
                }
            } else {
                s.execute("select 1");
            }
            return Optional.empty();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals("28P01") || state.equals("28000")) {
                return Optional.of("the database refused " + user + " (" + variables + "): " + firstLine(e));
            }
            return Optional.of("the database at " + url.replaceAll("\\?.*", "") + " (QINGLANG_DB_URL) is unreachable: "
                    + firstLine(e));
        }
    }

    private List<String> realm() {
        String url = value("qinglang.keycloak.url").orElseThrow();
        String realmName = value("qinglang.keycloak.realm").orElseThrow();
        String clientId = value("qinglang.keycloak.client-id").orElseThrow();
        String consoleId = value("qinglang.console.client-id").orElseThrow();
        List<String> problems = new ArrayList<>();
        try (Keycloak keycloak = KeycloakBuilder.builder().serverUrl(url).realm(realmName).clientId(clientId)
                .clientSecret(value("qinglang.keycloak.client-secret").orElseThrow())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).build()) {
            RealmResource realm = keycloak.realm(realmName);
            if (!Boolean.TRUE.equals(realm.toRepresentation().isOrganizationsEnabled())) {
                problems.add("the Keycloak realm " + realmName + " does not have organizations enabled "
                        + "(run ./qinglang provision-realm, or enable them in the realm's settings)");
            }
            Set<String> roles = realm.roles().list().stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
            ROLES.stream().filter(r -> !roles.contains(r)).forEach(r -> problems.add("the Keycloak realm " + realmName
                    + " has no realm role " + r + " (run ./qinglang provision-realm)"));
            List<ClientRepresentation> consoles = realm.clients().findByClientId(consoleId);
            if (consoles.isEmpty()) {
                problems.add("the Keycloak realm " + realmName + " has no client " + consoleId
                        + " (QINGLANG_CONSOLE_CLIENT_ID; run ./qinglang provision-realm)");
            } else {
                problems.addAll(console(realmName, consoles.getFirst()));
            }
        } catch (WebApplicationException e) {
            problems.add(refusal(e.getResponse().getStatus(), url, realmName, clientId));
        } catch (ProcessingException e) {
            // the token request's refusal arrives wrapped
            Optional<WebApplicationException> answer = cause(e, WebApplicationException.class);
            problems.add(answer.isPresent() ? refusal(answer.get().getResponse().getStatus(), url, realmName, clientId)
                    : "Keycloak at " + url + " (QINGLANG_KEYCLOAK_URL) is unreachable: " + firstLine(e));
        }
        return problems;
    }

    /** One line for Keycloak's refusal with {@code status}. */
    private static String refusal(int status, String url, String realmName, String clientId) {
        return switch (status) {
            case 400, 401 -> "Keycloak refused the client " + clientId + " of realm " + realmName
                    + " (QINGLANG_KEYCLOAK_CLIENT_ID/QINGLANG_KEYCLOAK_CLIENT_SECRET): wrong secret, or no such client";
            case 404 -> "Keycloak at " + url + " has no realm " + realmName + " (QINGLANG_KEYCLOAK_REALM)";
            case 403 -> "the client " + clientId + "'s service account may not read the realm " + realmName
                    + " (it needs realm-management's view-realm, view-clients, manage-users and manage-realm)";
            default -> "Keycloak at " + url + " answered " + status + " while the realm " + realmName + " was checked";
        };
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    /** The console client's sign-in needs its token to carry roles, the organization and the API's audience. */
    private static List<String> console(String realmName, ClientRepresentation console) {
        List<String> problems = new ArrayList<>();
        List<String> scopes = console.getDefaultClientScopes() == null ? List.of() : console.getDefaultClientScopes();
        for (String scope : List.of("roles", "organization")) {
            if (!scopes.contains(scope)) {
                problems.add("the Keycloak client " + console.getClientId() + " of realm " + realmName
                        + " lacks the default client scope " + scope + " (run ./qinglang provision-realm)");
            }
        }
        List<ProtocolMapperRepresentation> mappers = console.getProtocolMappers() == null ? List.of()
                : console.getProtocolMappers();
        boolean audience = mappers.stream().anyMatch(m -> "oidc-audience-mapper".equals(m.getProtocolMapper())
                && m.getConfig() != null && "qinglang-api".equals(m.getConfig().get("included.custom.audience")));
        if (!audience) {
            problems.add("the Keycloak client " + console.getClientId() + " of realm " + realmName
                    + " does not put the audience qinglang-api in its tokens (run ./qinglang provision-realm)");
        }
        return problems;
    }

    /** The problems {@code check} finds, or {@code late} when it takes longer than {@link #KEYCLOAK_SECONDS}. */
    private static List<String> bounded(java.util.concurrent.Callable<List<String>> check, String late) {
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var answer = executor.submit(check);
            try {
                return answer.get(KEYCLOAK_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                answer.cancel(true);
                return List.of(late);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of(late);
            }
        }
    }

    private boolean present(String... keys) {
        for (String key : keys) {
            if (value(key).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The environment variable that sets {@code key}. */
    static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String hint(String key) {
        return key.startsWith("qinglang.crypto.") ? ": 32 random bytes in base64, e.g. openssl rand -base64 32" : "";
    }

    private static String firstLine(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
