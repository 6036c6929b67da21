package io.qinglang.infra.dev;

/**
 * How to reach a running local environment: what the application's configuration, a test, or a
 * developer's database client needs.
 *
 * @param jdbcUrl               the application's database, without credentials
 * @param ownerUser             PostgreSQL superuser, for migrations
 * @param ownerPassword         its password
 * @param appUser               the application's PostgreSQL role (no superuser, no BYPASSRLS)
 * @param appPassword           its password
 * @param keycloakUrl           Keycloak's base URL, e.g. {@code http://localhost:8180}
 * @param realm                 the realm
 * @param platformClientId      confidential client the server uses for the admin API
 * @param platformClientSecret  its secret
 * @param consoleClientId       public client of the consoles
 * @param smtpHost              the mail catcher's host
 * @param smtpPort              the mail catcher's port
 * @param operatorUsername      demo user with role platform-admin
 * @param operatorPassword      its password
 * @param keycloakAdminUsername administrator of Keycloak's master realm (admin console)
 * @param keycloakAdminPassword its password
 */
public record Endpoints(String jdbcUrl, String ownerUser, String ownerPassword, String appUser, String appPassword,
                        String keycloakUrl, String realm, String platformClientId, String platformClientSecret,
                        String consoleClientId, String smtpHost, int smtpPort, String operatorUsername,
                        String operatorPassword, String keycloakAdminUsername, String keycloakAdminPassword) {

    /** The realm's issuer, as tokens carry it in {@code iss} ({@code mp.jwt.verify.issuer}). */
    public String issuer() {
        return keycloakUrl + "/realms/" + realm;
    }

    /** The realm's OpenID Connect token endpoint. */
    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The server's configuration for this environment: database roles, Keycloak client, mail (no keys, no port). */
    public java.util.Map<String, String> serverProperties() {
        return java.util.Map.ofEntries(
                java.util.Map.entry("qinglang.db.url", jdbcUrl),
                java.util.Map.entry("qinglang.db.owner-user", ownerUser),
                java.util.Map.entry("qinglang.db.owner-password", ownerPassword),
                java.util.Map.entry("qinglang.db.app-user", appUser),
                java.util.Map.entry("qinglang.db.app-password", appPassword),
                java.util.Map.entry("qinglang.keycloak.url", keycloakUrl),
                java.util.Map.entry("qinglang.keycloak.realm", realm),
                java.util.Map.entry("qinglang.keycloak.client-id", platformClientId),
                java.util.Map.entry("qinglang.keycloak.client-secret", platformClientSecret),
                java.util.Map.entry("qinglang.mail.host", smtpHost),
                java.util.Map.entry("qinglang.mail.port", String.valueOf(smtpPort)),
                java.util.Map.entry("qinglang.mail.from", "noreply@qinglang.localhost"));
    }
}
