package io.qinglang.infra.dev;

/**
 * The passwords and client secret of a local environment. They are fixed when its data folder is
 * first created: PostgreSQL and Keycloak keep them, so a later start must use the same values.
 *
 * @param ownerPassword         PostgreSQL superuser {@value DevPostgres#OWNER_USER}
 * @param appPassword           PostgreSQL application role {@value DevPostgres#APP_USER}
 * @param platformClientSecret  Keycloak client {@value QinglangRealm#PLATFORM_CLIENT}
 * @param keycloakAdminPassword Keycloak's bootstrap administrator of the master realm
 * @param operatorPassword      the demo user {@value QinglangRealm#OPERATOR}
 */
public record DevSecrets(String ownerPassword, String appPassword, String platformClientSecret,
                         String keycloakAdminPassword, String operatorPassword) {

    /**
     * Well-known values for a developer's machine. They are not secret and need not be: the
     * servers listen on localhost only and hold made-up data.
     */
    public static DevSecrets localDefaults() {
        return new DevSecrets("qinglang-owner", "qinglang-app", "qinglang-platform-secret",
                "qinglang-admin", "qinglang-operator");
    }
}
