package io.qinglang.infra.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A Keycloak home for one instance: its own {@code data} folder, links to the shared distribution
 * for everything else. Keycloak keeps temporary files, transaction logs and the realms to import
 * under {@code <home>/data}, with no option to move them, and a dev server and a test run using
 * the same distribution must not share those.
 */
final class KeycloakHome {

    private static final List<String> SHARED = List.of("lib", "conf", "providers", "themes", "version.txt");

    private KeycloakHome() {
    }

    /** Creates or refreshes the home in {@code home}, linked to {@code distribution}. */
    static Path link(KeycloakDistribution distribution, Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(importFolder(home));
        for (String name : SHARED) {
            Path link = home.resolve(name);
            Path target = distribution.home().resolve(name);
            if (!Files.isSymbolicLink(link) || !Files.readSymbolicLink(link).equals(target)) {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, target);
            }
        }
        // kc.sh takes its home from its own resolved path, so it is copied rather than linked
        Path script = home.resolve("bin/kc.sh");
        Files.copy(distribution.home().resolve("bin/kc.sh"), script, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Where {@code --import-realm} looks for realm files. */
    static Path importFolder(Path home) {
        return home.resolve("data/import");
    }
}
