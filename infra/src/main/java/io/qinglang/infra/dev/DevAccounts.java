package io.qinglang.infra.dev;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;

/**
 * Does for a local user what following the invitation e-mail would: sets a password and marks the address
 * verified, through Keycloak's master-realm administrator. For demo logins and tests only.
 */
public final class DevAccounts {

    private DevAccounts() {
    }

    public static void activate(Endpoints endpoints, String email, String password) {
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(endpoints.keycloakUrl()).realm("master")
                .clientId("admin-cli").username(endpoints.keycloakAdminUsername())
                .password(endpoints.keycloakAdminPassword()).build()) {
            var users = admin.realm(endpoints.realm()).users();
            UserRepresentation user = users.searchByEmail(email, true).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no user " + email));
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            users.get(user.getId()).resetPassword(credential);
            user.setRequiredActions(List.of());
            user.setEmailVerified(true);
            users.get(user.getId()).update(user);
        }
    }
}
