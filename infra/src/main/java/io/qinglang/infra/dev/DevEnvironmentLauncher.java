package io.qinglang.infra.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Runs a developer's local environment until Ctrl-C: data kept in {@code .qinglang/dev} under the
 * working directory, PostgreSQL on 15432, Keycloak on 8180, SMTP on 3025. System properties
 * {@code qinglang.keycloak.dist} and {@code qinglang.keycloak.cache} say where the Keycloak
 * distribution is and where to unpack it.
 */
public final class DevEnvironmentLauncher {

    private DevEnvironmentLauncher() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path zip = Path.of(System.getProperty("qinglang.keycloak.dist", "infra/target/keycloak/keycloak-dist.zip"));
        Path cache = Path.of(System.getProperty("qinglang.keycloak.cache",
                System.getProperty("user.home") + "/.cache/qinglang"));
        DevSettings settings = DevSettings.launcher(Path.of("").toAbsolutePath(), zip, cache);
        DevEnvironment environment = DevEnvironment.start(settings, System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                environment.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "dev-environment-stop"));
        System.out.println("Local environment running; Ctrl-C stops it.\n" + environment.endpoints());
        Thread.currentThread().join();
    }
}
