package io.qinglang.infra.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Keycloak is and how the platform authenticates to its admin API (a confidential service client). */
@ApplicationScoped
public class KeycloakSettings {

    private final String url;
    private final String realm;
    private final String clientId;
    private final String clientSecret;

    @Inject
    public KeycloakSettings(@ConfigProperty(name = "qinglang.keycloak.url") String url,
                            @ConfigProperty(name = "qinglang.keycloak.realm", defaultValue = "qinglang") String realm,
                            @ConfigProperty(name = "qinglang.keycloak.client-id", defaultValue = "qinglang-platform") String clientId,
                            @ConfigProperty(name = "qinglang.keycloak.client-secret") String clientSecret) {
        this.url = url;
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public String url() {
        return url;
    }

    public String realm() {
        return realm;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }
}
