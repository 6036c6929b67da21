package io.qinglang.infra.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The ports of a local environment; 0 means "any free port", which lets tests run beside a dev
 * environment, or beside each other.
 *
 * @param postgres           PostgreSQL
 * @param keycloak           Keycloak's HTTP listener
 * @param keycloakManagement Keycloak's management listener (health)
 * @param smtp               the mail catcher
 */
public record DevPorts(int postgres, int keycloak, int keycloakManagement, int smtp) {

    /** Fixed ports for a developer's machine, away from the usual 5432, 8080, 9000 and 25. */
    public static DevPorts launcherDefaults() {
        return new DevPorts(15432, 8180, 9180, 3025);
    }

    /** Any free ports. */
    public static DevPorts free() {
        return new DevPorts(0, 0, 0, 0);
    }

    /**
     * These ports with every 0 replaced by a port free right now. All of them are chosen before any
     * is released, so they differ from each other; another process could still take one before it
     * is used, which on a developer's machine is rare enough.
     */
    public DevPorts withFreePortsForZeros() throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            return new DevPorts(orFree(postgres, held), orFree(keycloak, held),
                    orFree(keycloakManagement, held), orFree(smtp, held));
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    private static int orFree(int port, List<ServerSocket> held) throws IOException {
        if (port != 0) {
            return port;
        }
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        return socket.getLocalPort();
    }
}
