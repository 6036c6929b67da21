package io.qinglang.infra.dev;

import java.nio.file.Path;

/**
 * Everything a local environment needs to start.
 *
 * @param dataFolder         PostgreSQL's cluster, Keycloak's home and both logs; keep it to keep the data
 * @param keycloakZip        the Keycloak server distribution (Maven puts it in {@code infra/target/keycloak})
 * @param keycloakCache      where the distribution is unpacked and built once for every environment on the machine
 * @param ports              ports, 0 for any free one
 * @param secrets            passwords and client secret
 * @param consoleRedirectUri redirect URI pattern of the console client, e.g. {@code http://localhost:8080/*}
 */
public record DevSettings(Path dataFolder, Path keycloakZip, Path keycloakCache, DevPorts ports,
                          DevSecrets secrets, String consoleRedirectUri) {

    /** The application's address in dev mode. */
    public static final String LOCAL_CONSOLE_REDIRECT = "http://localhost:8080/*";

    /** A developer's environment: data kept in {@code .qinglang/dev} under the project, fixed ports. */
    public static DevSettings launcher(Path projectRoot, Path keycloakZip, Path keycloakCache) {
        return new DevSettings(projectRoot.resolve(".qinglang/dev"), keycloakZip, keycloakCache,
                DevPorts.launcherDefaults(), DevSecrets.localDefaults(), LOCAL_CONSOLE_REDIRECT);
    }

    /** A test's environment: the given (fresh) folder, free ports. */
    public static DevSettings forTests(Path dataFolder, Path keycloakZip, Path keycloakCache) {
        return new DevSettings(dataFolder, keycloakZip, keycloakCache,
                DevPorts.free(), DevSecrets.localDefaults(), LOCAL_CONSOLE_REDIRECT);
    }

    /** A test's environment whose server will listen on {@code appPort}: the console may sign in there. */
    public static DevSettings forTests(Path dataFolder, Path keycloakZip, Path keycloakCache, int appPort) {
        return new DevSettings(dataFolder, keycloakZip, keycloakCache,
                DevPorts.free(), DevSecrets.localDefaults(), "http://localhost:" + appPort + "/*");
    }

    /** The same settings on other ports — e.g. the ones a previous start picked, to restart on them. */
    public DevSettings withPorts(DevPorts otherPorts) {
        return new DevSettings(dataFolder, keycloakZip, keycloakCache, otherPorts, secrets, consoleRedirectUri);
    }
}
