package io.qinglang.infra.it;

import io.helidon.config.mp.MpConfigSources;
import io.qinglang.infra.dev.Endpoints;
import io.qinglang.infra.identity.RealmProvisioning;
import io.qinglang.infra.server.StartupCheck;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Provisioning a production realm in the test run's real Keycloak, and the start-up check that reads it: a new realm
 * is made from the template and passes the check; a second run changes nothing; a realm that lost its organizations,
 * a role, the console's audience mapper and scope fails the check, one line each, and is completed by the next run, as
 * is one whose service account lost a right; a wrong secret is one line and is set by the next run.
 */
class RealmProvisioningIT {

    private static Config config(String realm, Map<String, String> more) {
        Endpoints e = TestPlatform.get().endpoints();
        Map<String, String> values = new HashMap<>(e.serverProperties());
        values.putAll(Map.of("qinglang.keycloak.realm", realm, "qinglang.keycloak.admin-user", e.keycloakAdminUsername(),
                "qinglang.keycloak.admin-password", e.keycloakAdminPassword(),
                "qinglang.public-url", "https://qinglang.example.org",
                "qinglang.console.client-id", "qinglang-console",
                "qinglang.crypto.master-key", System.getProperty("qinglang.crypto.master-key"),
                "qinglang.crypto.receipt-key", System.getProperty("qinglang.crypto.receipt-key")));
        values.putAll(more);
        return ConfigProviderResolver.instance().getBuilder().withSources(MpConfigSources.create(values)).build();
    }

    private static List<String> provision(Config config) {
        return new RealmProvisioning(config, line -> System.out.println("[provision] " + line)).run();
    }

    private static Keycloak admin() {
        Endpoints e = TestPlatform.get().endpoints();
        return Keycloak.getInstance(e.keycloakUrl(), "master", e.keycloakAdminUsername(), e.keycloakAdminPassword(),
                "admin-cli");
    }

    @Test
    void aNewRealmIsMadeFromTheTemplatePassesTheCheckAndASecondRunChangesNothing() {
        String realm = "prod-" + UUID.randomUUID().toString().substring(0, 8);
        Config config = config(realm, Map.of("qinglang.operator.email", "ops@" + realm + ".example.org",
                "qinglang.operator.password", "Ops-Passw0rd-" + realm));

        assertThat(provision(config)).containsExactly("realm " + realm + " created from the template");
        assertThat(new StartupCheck(config).problems()).isEmpty();
        assertThat(provision(config)).as("idempotent").isEmpty();
        try (Keycloak keycloak = admin()) {
            RealmResource r = keycloak.realm(realm);
            assertThat(r.users().searchByUsername("ops@" + realm + ".example.org", true)).hasSize(1);
            assertThat(r.users().searchByUsername("operator", true)).as("no demo operator").isEmpty();
            ClientRepresentation console = r.clients().findByClientId("qinglang-console").getFirst();
            assertThat(console.getRedirectUris()).containsExactly("https://qinglang.example.org/*");
        }
    }

    @Test
    void aRealmLackingWhatThePlatformNeedsFailsTheCheckLineByLineAndIsCompleted() {
        String realm = "prod-" + UUID.randomUUID().toString().substring(0, 8);
        Config config = config(realm, Map.of());
        provision(config);
        try (Keycloak keycloak = admin()) {
            RealmResource r = keycloak.realm(realm);
            RealmRepresentation rep = r.toRepresentation();
            rep.setOrganizationsEnabled(false);
            r.update(rep);
            r.roles().deleteRole("handler");
            ClientResource console = r.clients().get(r.clients().findByClientId("qinglang-console").getFirst().getId());
            console.getProtocolMappers().getMappers().stream().filter(m -> m.getName().equals("audience qinglang-api"))
                    .forEach(m -> console.getProtocolMappers().delete(m.getId()));
            console.getDefaultClientScopes().stream().filter(s -> s.getName().equals("organization"))
                    .forEach(s -> console.removeDefaultClientScope(s.getId()));
        }
        List<String> problems = new StartupCheck(config).problems();
        assertThat(problems).hasSize(4).anySatisfy(p -> assertThat(p).contains("organizations"))
                .anySatisfy(p -> assertThat(p).contains("role handler"))
                .anySatisfy(p -> assertThat(p).contains("audience qinglang-api"))
                .anySatisfy(p -> assertThat(p).contains("client scope organization"));

        List<String> changes = provision(config);

        assertThat(changes).hasSize(4);
        assertThat(new StartupCheck(config).problems()).isEmpty();
    }

    @Test
    void aServiceAccountThatLostARightIsNamedByTheCheckAndGivenItBack() {
        String realm = "prod-" + UUID.randomUUID().toString().substring(0, 8);
        Config config = config(realm, Map.of());
        provision(config);
        try (Keycloak keycloak = admin()) {
            RealmResource r = keycloak.realm(realm);
            String platform = r.clients().findByClientId("qinglang-platform").getFirst().getId();
            String account = r.clients().get(platform).getServiceAccountUser().getId();
            String management = r.clients().findByClientId("realm-management").getFirst().getId();
            r.users().get(account).roles().clientLevel(management)
                    .remove(List.of(r.clients().get(management).roles().get("view-clients").toRepresentation()));
        }
        assertThat(new StartupCheck(config).problems()).singleElement().asString().contains("view-clients");

        assertThat(provision(config)).containsExactly(
                "service account of qinglang-platform: realm-management roles view-clients added");
        assertThat(new StartupCheck(config).problems()).isEmpty();
    }

    @Test
    void aWrongSecretIsOneLineAndProvisioningSetsTheConfiguredOne() {
        String realm = "prod-" + UUID.randomUUID().toString().substring(0, 8);
        provision(config(realm, Map.of()));
        Config other = config(realm, Map.of("qinglang.keycloak.client-secret", "another-secret-" + realm));

        assertThat(new StartupCheck(other).problems()).singleElement().asString()
                .contains("Keycloak refused the client qinglang-platform").contains("QINGLANG_KEYCLOAK_CLIENT_SECRET");
        assertThat(provision(other)).containsExactly("client qinglang-platform: secret set to QINGLANG_KEYCLOAK_CLIENT_SECRET");
        assertThat(new StartupCheck(other).problems()).isEmpty();
    }

    @Test
    void badInputsAreRefusedWithTheVariableToSet() {
        String realm = "prod-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> noUrl = new HashMap<>(Map.of("qinglang.public-url", ""));
        assertThatThrownBy(() -> provision(config(realm, noUrl))).hasMessageContaining("QINGLANG_PUBLIC_URL");
        assertThatThrownBy(() -> provision(config(realm, Map.of("qinglang.operator.email", "ops@example.org"))))
                .hasMessageContaining("QINGLANG_OPERATOR_PASSWORD");
        List<String> problems = new StartupCheck(config(realm, Map.of("qinglang.crypto.master-key", "",
                "qinglang.crypto.receipt-key", "bm90IDMyIGJ5dGVz", "qinglang.db.app-password", "wrong",
                "qinglang.intake.per-tenant-per-minute", "0"))).problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("QINGLANG_CRYPTO_MASTER_KEY is not set"))
                .anySatisfy(p -> assertThat(p).startsWith("QINGLANG_CRYPTO_RECEIPT_KEY must be 32 bytes"))
                .anySatisfy(p -> assertThat(p).startsWith("the database refused qinglang_app"))
                .anySatisfy(p -> assertThat(p).contains("has no realm " + realm))
                .anySatisfy(p -> assertThat(p).startsWith("QINGLANG_INTAKE_PER_TENANT_PER_MINUTE must be a whole number"));
        assertThat(new ArrayList<>(problems)).doesNotHaveDuplicates();
    }
}
