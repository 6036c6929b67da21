package io.qinglang.infra.dev;

import java.time.Duration;

/**
 * How one Keycloak instance runs.
 *
 * @param httpPort       port of the public HTTP listener
 * @param managementPort port of the management listener (health); its own, so two instances can run side by side
 * @param dbUrl          JDBC URL of Keycloak's PostgreSQL database
 * @param dbUsername     database user
 * @param dbPassword     database password
 * @param adminUsername  bootstrap administrator of the master realm, created on the first start only
 * @param adminPassword  its password
 * @param realm          the realm imported on the first start
 * @param startTimeout   how long to wait for readiness; a first start creates the schema and is slower
 */
public record KeycloakSettings(int httpPort, int managementPort, String dbUrl, String dbUsername, String dbPassword,
                               String adminUsername, String adminPassword, QinglangRealm realm, Duration startTimeout) {
}
