package io.qinglang.infra.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Keycloak realm of a local environment, kept as a JSON template
 * ({@code qinglang-realm.json} next to this class) in the format Keycloak exports and imports, so it
 * can be read and diffed against a realm exported from the admin console. Everything that differs
 * between environments — ports, secrets, passwords — is a {@code {{placeholder}}} filled here.
 *
 * @param smtpHost             where Keycloak sends mail
 * @param smtpPort             the SMTP port
 * @param platformClientSecret secret of {@value #PLATFORM_CLIENT}
 * @param operatorPassword     password of the demo user {@value #OPERATOR}
 * @param consoleRedirectUri   redirect URI pattern of {@value #CONSOLE_CLIENT}, e.g. {@code http://localhost:8080/*}
 */
public record QinglangRealm(String smtpHost, int smtpPort, String platformClientSecret,
                            String operatorPassword, String consoleRedirectUri) {

    /** The realm's name. */
    public static final String NAME = "qinglang";
    /** Confidential client with a service account: the server calls the admin API with it. */
    public static final String PLATFORM_CLIENT = "qinglang-platform";
    /** Public client of the consoles; its access tokens are what the API accepts. */
    public static final String CONSOLE_CLIENT = "qinglang-console";
    /** The audience every console access token carries. */
    public static final String API_AUDIENCE = "qinglang-api";
    /** Demo user with role {@code platform-admin}. */
    public static final String OPERATOR = "operator";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** The realm as Keycloak's import expects it. */
    public String toJson() {
        Map<String, String> values = Map.of(
                "smtpHost", smtpHost,
                "smtpPort", Integer.toString(smtpPort),
                "platformClientSecret", platformClientSecret,
                "operatorPassword", operatorPassword,
                "consoleRedirectUri", consoleRedirectUri);
        Matcher placeholders = PLACEHOLDER.matcher(template());
        StringBuilder json = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1));
            if (value == null) {
                throw new IllegalStateException("The realm template has no value for " + placeholders.group());
            }
            placeholders.appendReplacement(json, Matcher.quoteReplacement(jsonEscaped(value)));
        }
        return placeholders.appendTail(json).toString();
    }

    private static String template() {
        try (InputStream in = QinglangRealm.class.getResourceAsStream("qinglang-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("qinglang-realm.json is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Placeholders sit inside JSON strings; a secret with a quote or backslash must not break out. */
    private static String jsonEscaped(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> escaped.append(c < 0x20 ? "\\u%04x".formatted((int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }
}
