package io.qinglang.infra.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys the server reads, found as a reader of its sources finds them: the keys of
 * {@code microprofile-config.properties}, every {@code @ConfigProperty(name = "...")} and every
 * {@code getValue("...")} / {@code getOptionalValue("...")} in the main sources of the modules the server is made of.
 * A key is required when some place reads it without a default value and not as an {@code Optional}, and the
 * properties file gives it none: the server cannot start without it.
 */
final class ConfigurationKeys {

    /**
     * What the entry point ({@code io.qinglang.infra.server.Main}) reads from the environment itself, for its
     * subcommand {@code provision-realm}, beside the configuration keys: Keycloak's master-realm administrator, the
     * platform's public address (the console's redirect URI) and, optionally, the first platform operator.
     */
    static final Set<String> ENTRY_POINT_VARIABLES = Set.of("QINGLANG_KEYCLOAK_ADMIN_USER",
            "QINGLANG_KEYCLOAK_ADMIN_PASSWORD", "QINGLANG_PUBLIC_URL", "QINGLANG_OPERATOR_EMAIL",
            "QINGLANG_OPERATOR_PASSWORD");

    private static final List<String> SERVER_MODULES =
            List.of("platform-api", "tenant-admin", "public-portal", "infra");
    private static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    /** The annotation's arguments, and the type of the parameter or field it is on. */
    private static final Pattern INJECTED =
            Pattern.compile("@ConfigProperty\\(([^)]*)\\)\\s*(?:final\\s+)?([\\w.]+)");
    private static final Pattern NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern LOOKED_UP = Pattern.compile("\\.get(Optional)?Value\\(\\s*\"([^\"]+)\"");

    private final Properties defaults;
    private final Set<String> read = new TreeSet<>();
    private final Set<String> readWithoutDefault = new HashSet<>();

    private ConfigurationKeys(Properties defaults) {
        this.defaults = defaults;
    }

    /** Reads the properties and sources of the project whose infra module is {@code infraModule}. */
    static ConfigurationKeys of(Path infraModule) {
        ConfigurationKeys keys = new ConfigurationKeys(properties(infraModule.resolve(PROPERTIES)));
        for (String module : SERVER_MODULES) {
            try (Stream<Path> files = Files.walk(infraModule.resolveSibling(module).resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(keys::readSource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    /** The environment variable MicroProfile Config maps {@code key} to: upper case, all but letters and digits _. */
    static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Every key's environment variable, and the entry point's own. */
    Set<String> knownVariables() {
        Set<String> variables = new TreeSet<>(ENTRY_POINT_VARIABLES);
        defaults.stringPropertyNames().forEach(key -> variables.add(environmentVariable(key)));
        read.forEach(key -> variables.add(environmentVariable(key)));
        return variables;
    }

    /** The variables of the keys without any default: what every deployment must set. */
    Set<String> requiredVariables() {
        Set<String> variables = new TreeSet<>();
        readWithoutDefault.stream().filter(key -> defaults.getProperty(key) == null)
                .forEach(key -> variables.add(environmentVariable(key)));
        return variables;
    }

    /** The value {@code microprofile-config.properties} gives {@code key}. */
    String defaultValue(String key) {
        return defaults.getProperty(key);
    }

    private void readSource(Path file) {
        String source = read(file);
        Matcher injected = INJECTED.matcher(source);
        while (injected.find()) {
            Matcher name = NAME.matcher(injected.group(1));
            if (name.find()) {
                boolean optional = injected.group(2).startsWith("Optional");
                record(name.group(1), optional || injected.group(1).contains("defaultValue"));
            }
        }
        Matcher lookedUp = LOOKED_UP.matcher(source);
        while (lookedUp.find()) {
            record(lookedUp.group(2), lookedUp.group(1) != null);
        }
    }

    private void record(String key, boolean hasDefault) {
        read.add(key);
        if (!hasDefault) {
            readWithoutDefault.add(key);
        }
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
