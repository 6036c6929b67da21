package io.qinglang.infra.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server distribution, unpacked and built once into a cache folder shared by every
 * checkout, dev run and test run on the machine: unpacking takes seconds and Keycloak's build
 * step (Quarkus augmentation) half a minute, neither of which should be paid on every start.
 * Marker files, written last, tell a finished step from one that was interrupted; a file lock
 * keeps two JVMs (a dev server and a test run) from preparing the same folder at once, and the
 * method is synchronized because a file lock does not exclude threads of the same JVM.
 */
public final class KeycloakDistribution {

    /** Options fixed at build time; a start with {@code --optimized} must not contradict them. */
    public static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true");

    private static final String UNPACKED_MARKER = ".qinglang-unpacked";
    private static final String BUILT_MARKER = ".qinglang-built";

    private final Path home;

    private KeycloakDistribution(Path home) {
        this.home = home;
    }

    /**
     * Unpacks {@code zip} into {@code cacheRoot}/&lt;its top folder, e.g. keycloak-26.5.6&gt; and builds
     * it, skipping whatever an earlier run already finished.
     */
    public static synchronized KeycloakDistribution prepare(Path zip, Path cacheRoot, Consumer<String> progress)
            throws IOException, InterruptedException {
        Files.createDirectories(cacheRoot);
        String name = topFolder(zip);
        Path home = cacheRoot.resolve(name);
        try (FileChannel channel = FileChannel.open(cacheRoot.resolve(name + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            // not the zip's path or time: every checkout has its own copy of the same archive
            String zipIdentity = name + " " + Files.size(zip) + " bytes";
            if (!marked(home.resolve(UNPACKED_MARKER), zipIdentity)) {
                progress.accept("keycloak: unpacking " + zip.getFileName() + " into " + home);
                delete(home);
                unzip(zip, home);
                Files.writeString(home.resolve(UNPACKED_MARKER), zipIdentity);
            }
            String options = String.join(" ", BUILD_OPTIONS);
            if (!marked(home.resolve(BUILT_MARKER), options)) {
                progress.accept("keycloak: building (once) with " + options);
                build(home, progress);
                Files.writeString(home.resolve(BUILT_MARKER), options);
            }
        }
        return new KeycloakDistribution(home);
    }

    /** The unpacked, built distribution; shared, so nothing may write into it. */
    public Path home() {
        return home;
    }

    private static boolean marked(Path marker, String content) throws IOException {
        return Files.exists(marker) && Files.readString(marker).equals(content);
    }

    private static String topFolder(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().map(entry -> entry.getName().split("/")[0]).findFirst()
                    .orElseThrow(() -> new IOException("Empty archive: " + zip));
        }
    }

    private static void unzip(Path zip, Path home) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path target = home.resolve(entry.getName().substring(entry.getName().indexOf('/') + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("Archive entry escapes its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        // zip entries carry no Unix modes that java.util.zip could read
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(home.resolve("bin"), "*.sh")) {
            for (Path script : scripts) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static void build(Path home, Consumer<String> progress) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(line -> progress.accept("keycloak build: " + line));
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("'kc.sh build' failed with exit code " + exit + "; its output is above");
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
