package io.qinglang.infra.server;

import io.qinglang.infra.identity.RealmProvisioning;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Arrays;
import java.util.List;

/**
 * Starts the Qinglang server: one Helidon MP process that assembles every enabled module. Configuration comes from
 * MicroProfile Config (environment variables override properties). The commands, as the image's entry point takes
 * them:
 * <ul>
 *   <li>{@code serve} (the default): the {@link StartupCheck}, then the server; with a problem, one line for each
 *       and exit status 2, before any port is opened;</li>
 *   <li>{@code check}: the start-up check only (exit status 0 or 2);</li>
 *   <li>{@code provision-realm}: creates or completes the Keycloak realm ({@link RealmProvisioning}; exit status 0, or 2
 *       with the reason).</li>
 * </ul>
 */
public final class Main {

    /** Exit status of a start refused by the check. */
    static final int REFUSED = 2;
    private static final int USAGE = 64;

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "serve" -> {
                refuseIfProblems();
                io.helidon.Main.main(rest);
            }
            case "check" -> {
                refuseIfProblems();
                System.out.println("qinglang: configuration, keys, database and Keycloak realm are ready");
            }
            case "provision-realm" -> provisionRealm();
            default -> {
                System.err.println("qinglang: unknown command \"" + command + "\"; the commands are serve (the default), "
                        + "check and provision-realm");
                System.exit(USAGE);
            }
        }
    }

    private static void provisionRealm() {
        try {
            new RealmProvisioning(ConfigProvider.getConfig(), line -> System.out.println("provision-realm: " + line)).run();
        } catch (IllegalArgumentException e) {
            System.err.println("provision-realm: " + e.getMessage());
            System.exit(REFUSED);
        } catch (jakarta.ws.rs.WebApplicationException e) {
            System.err.println("provision-realm: Keycloak answered " + e.getResponse().getStatus() + " ("
                    + e.getMessage() + "); check QINGLANG_KEYCLOAK_URL and QINGLANG_KEYCLOAK_ADMIN_USER/_PASSWORD");
            System.exit(REFUSED);
        } catch (jakarta.ws.rs.ProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("provision-realm: Keycloak could not be asked (" + root.getMessage()
                    + "); check QINGLANG_KEYCLOAK_URL and QINGLANG_KEYCLOAK_ADMIN_USER/_PASSWORD");
            System.exit(REFUSED);
        }
    }

    private static void refuseIfProblems() {
        List<String> problems = new StartupCheck(ConfigProvider.getConfig()).problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("qinglang: " + p));
            System.err.println("qinglang: not started (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + "; configuration: docs/configuration.md)");
            System.exit(REFUSED);
        }
    }
}
