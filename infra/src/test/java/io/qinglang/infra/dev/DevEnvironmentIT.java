package io.qinglang.infra.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.RuntimeDelegate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Starts the local environment on a fresh folder and checks what the platform relies on: a weak
 * application role in PostgreSQL, tokens with the claims MicroProfile JWT reads, organizations and
 * invitation mails through the admin API, and data that survives a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevEnvironmentIT {

    private static final String MEMBER = "alice@acme.example";
    private static final String MEMBER_PASSWORD = "alice-secret-1";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    private DevSettings settings;
    private DevEnvironment environment;
    private Duration firstKeycloakStart;

    @BeforeAll
    void startOnAFreshFolder() throws IOException, InterruptedException {
        Path runs = Files.createDirectories(Path.of(System.getProperty("qinglang.it.folder", "target/dev-it")));
        Path folder = runs.resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        settings = DevSettings.forTests(folder,
                Path.of(System.getProperty("qinglang.keycloak.dist", "target/keycloak/keycloak-dist.zip")),
                Path.of(System.getProperty("qinglang.keycloak.cache", System.getProperty("user.home") + "/.cache/qinglang")));
        reportRuntimeDelegate("before the admin client is used");
        environment = DevEnvironment.start(settings, line -> System.out.println("[dev] " + line));
        firstKeycloakStart = environment.keycloakStartTime();
    }

    @AfterAll
    void stop() throws IOException {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    @Order(1)
    void appRoleIsNeitherSuperuserNorAllowedToBypassRowLevelSecurity() throws SQLException {
        Endpoints endpoints = environment.endpoints();
        try (Connection app = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.appUser(), endpoints.appPassword());
             Statement statement = app.createStatement();
             ResultSet role = statement.executeQuery(
                     "SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            assertThat(role.next()).isTrue();
            assertThat(role.getString(1)).isEqualTo(DevPostgres.APP_USER);
            assertThat(role.getBoolean(2)).as("superuser").isFalse();
            assertThat(role.getBoolean(3)).as("bypassrls").isFalse();
        }
    }

    @Test
    @Order(2)
    void appRoleCannotLogInWithAWrongPassword() {
        Endpoints endpoints = environment.endpoints();
        assertThatThrownBy(() -> DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.appUser(), "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    @Order(3)
    void operatorTokenCarriesPlatformAdminInGroupsAndTheApiAudience() throws IOException, InterruptedException {
        Endpoints endpoints = environment.endpoints();
        Map<String, Object> claims = consoleLogin(endpoints, endpoints.operatorUsername(), endpoints.operatorPassword());

        System.out.println("[it] operator access token claims: " + claims);
        assertThat(list(claims.get("groups"))).contains("platform-admin");
        assertThat(audiences(claims)).contains(QinglangRealm.API_AUDIENCE);
        assertThat(claims).containsEntry("upn", "operator").containsEntry("preferred_username", "operator");
        assertThat(claims).containsEntry("iss", endpoints.issuer());
    }

    @Test
    @Order(4)
    void platformClientCreatesAnOrganizationMemberWhoIsMailedTheirActions() throws InterruptedException {
        Endpoints endpoints = environment.endpoints();
        try (Keycloak admin = platformAdminClient(endpoints)) {
            RealmResource realm = admin.realm(endpoints.realm());
            String organizationId = createOrganization(realm);
            String userId = createUser(realm);
            try (Response added = realm.organizations().get(organizationId).members().addMember(userId)) {
                assertThat(added.getStatus()).isEqualTo(201);
            }
            realm.users().get(userId).executeActionsEmail(List.of("UPDATE_PASSWORD"));
            reportRuntimeDelegate("after the admin client was used");
        }

        boolean mailed = Deadline.in(MAIL_TIMEOUT).await(() -> mailTo(MEMBER) != null, Duration.ofMillis(200));
        assertThat(mailed).as("a mail to %s within %s", MEMBER, MAIL_TIMEOUT).isTrue();
        ReceivedMail mail = mailTo(MEMBER);
        System.out.println("[it] mail received at " + mail.received() + ": " + mail.subject());
        assertThat(mail.text()).contains(endpoints.issuer() + "/login-actions/action-token?key=");
    }

    @Test
    @Order(5)
    void organizationMemberTokenCarriesTheOrganizationAlias() throws IOException, InterruptedException {
        Endpoints endpoints = environment.endpoints();
        try (Keycloak admin = platformAdminClient(endpoints)) {
            RealmResource realm = admin.realm(endpoints.realm());
            String userId = realm.users().searchByUsername(MEMBER, true).getFirst().getId();
            realm.users().get(userId).resetPassword(password(MEMBER_PASSWORD));
        }

        Map<String, Object> claims = consoleLogin(endpoints, MEMBER, MEMBER_PASSWORD);

        System.out.println("[it] organization member access token claims: " + claims);
        assertThat(list(claims.get("organization"))).containsExactly("acme");
    }

    @Test
    @Order(6)
    void dataSurvivesARestartOnTheSameFolder() throws Exception {
        Endpoints before = environment.endpoints();
        try (Connection owner = DriverManager.getConnection(before.jdbcUrl(), before.ownerUser(), before.ownerPassword());
             Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE restart_probe (note text)");
            statement.execute("INSERT INTO restart_probe VALUES ('written before the restart')");
        }

        environment.close();
        environment = DevEnvironment.start(settings.withPorts(environment.ports()),
                line -> System.out.println("[dev] " + line));

        Endpoints after = environment.endpoints();
        System.out.printf("[it] Keycloak start: first %.1f s (new schema, realm import), second %.1f s%n",
                firstKeycloakStart.toMillis() / 1000.0, environment.keycloakStartTime().toMillis() / 1000.0);
        try (Connection owner = DriverManager.getConnection(after.jdbcUrl(), after.ownerUser(), after.ownerPassword());
             Statement statement = owner.createStatement();
             ResultSet notes = statement.executeQuery("SELECT note FROM restart_probe")) {
            assertThat(notes.next()).isTrue();
            assertThat(notes.getString(1)).isEqualTo("written before the restart");
        }
        try (Keycloak admin = platformAdminClient(after)) {
            RealmResource realm = admin.realm(after.realm());
            assertThat(realm.organizations().search("acme")).extracting(OrganizationRepresentation::getAlias).contains("acme");
            assertThat(realm.users().searchByUsername(MEMBER, true)).hasSize(1);
        }
        assertThat(list(consoleLogin(after, MEMBER, MEMBER_PASSWORD).get("organization"))).containsExactly("acme");
        reportRuntimeDelegate("at the end");
    }

    private static Keycloak platformAdminClient(Endpoints endpoints) {
        return KeycloakBuilder.builder()
                .serverUrl(endpoints.keycloakUrl())
                .realm(endpoints.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(endpoints.platformClientId())
                .clientSecret(endpoints.platformClientSecret())
                .build();
    }

    private static String createOrganization(RealmResource realm) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName("Acme Consumer Services");
        organization.setAlias("acme");
        organization.setEnabled(true);
        organization.addDomain(new OrganizationDomainRepresentation("acme.example"));
        try (Response created = realm.organizations().create(organization)) {
            assertThat(created.getStatus()).isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private static String createUser(RealmResource realm) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(MEMBER);
        user.setEmail(MEMBER);
        user.setEmailVerified(true);
        user.setFirstName("Alice");
        user.setLastName("Acme");
        user.setEnabled(true);
        try (Response created = realm.users().create(user)) {
            assertThat(created.getStatus()).isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private static CredentialRepresentation password(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(false);
        return credential;
    }

    private ReceivedMail mailTo(String address) {
        return environment.mail().receivedMessages().stream()
                .filter(mail -> mail.to().contains(address))
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> consoleLogin(Endpoints endpoints, String username, String password)
            throws IOException, InterruptedException {
        return new PasswordGrant(endpoints.tokenUrl(), endpoints.consoleClientId()).accessTokenClaims(username, password);
    }

    /** A claim that may be one value or an array, as a list; {@code aud} is either. */
    private static List<Object> list(Object claim) {
        return claim instanceof List<?> values ? new ArrayList<>(values) : claim == null ? List.of() : List.of(claim);
    }

    private static List<Object> audiences(Map<String, Object> claims) {
        return list(claims.get("aud"));
    }

    /**
     * keycloak-admin-client brings RESTEasy, whose resteasy-core registers a JAX-RS RuntimeDelegate
     * beside Jersey's; whichever wins decides how Helidon's Jersey builds responses and headers.
     */
    private static void reportRuntimeDelegate(String when) {
        try {
            List<URL> registrations = Collections.list(Thread.currentThread().getContextClassLoader()
                    .getResources("META-INF/services/jakarta.ws.rs.ext.RuntimeDelegate"));
            System.out.println("[it] RuntimeDelegate " + when + ": " + RuntimeDelegate.getInstance().getClass().getName()
                    + "; registered by " + registrations);
        } catch (IOException e) {
            System.out.println("[it] RuntimeDelegate " + when + ": could not list registrations: " + e);
        }
    }
}
