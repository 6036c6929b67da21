package io.qinglang.infra.identity;

import io.helidon.common.config.Config;
import io.helidon.microprofile.jwt.auth.JwtAuthProvider;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.EndpointConfig;
import io.helidon.security.ProviderRequest;
import io.helidon.security.SecurityResponse;
import io.helidon.security.Subject;
import io.helidon.security.providers.common.TokenCredential;
import io.helidon.security.spi.AuthenticationProvider;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The staff token check — Helidon's MicroProfile JWT provider: the signature against the realm's keys, issuer,
 * audience, expiry — with every token it accepted remembered until the token expires. A client sends the same token
 * with each request for minutes, and checking it again took about a tenth of a case list's CPU time (parsing, the RSA
 * signature, the claims copied into a principal; issue 18). Only the same header value, on an endpoint of the MP-JWT
 * application, finds an entry; an entry is not used once the token has expired (or is older than
 * {@code mp.jwt.verify.token.age}): the token then goes to the check again, which refuses it. Refusals are not
 * remembered, and tokens carried in a cookie ({@code mp.jwt.token.header=Cookie}) are always checked. The realm's
 * keys themselves Helidon fetches once, at the first token, and keeps.
 */
public final class CachedTokenCheck implements AuthenticationProvider {

    /** Tokens remembered at most; when full, the expired ones go, then all if none had expired. */
    static final int CAPACITY = 4_096;

    private record Accepted(Subject subject, Instant until) {
    }

    private final AuthenticationProvider check;
    private final String header;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    /**
     * @param check  the token check itself
     * @param header the header the check reads the token from; {@code null} to remember nothing
     * @param maxAge the oldest token the check accepts (by its {@code iat}), {@code null} for any
     */
    CachedTokenCheck(AuthenticationProvider check, String header, Duration maxAge, Clock clock) {
        this.check = check;
        this.header = header;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Helidon's provider as its own CDI extension would make it, from the same {@code mp.jwt.*} configuration. */
    public static CachedTokenCheck create(Config config) {
        org.eclipse.microprofile.config.Config mp = ConfigProvider.getConfig();
        String header = mp.getOptionalValue("mp.jwt.token.header", String.class).orElse("Authorization");
        return new CachedTokenCheck(JwtAuthProvider.create(config), header.equalsIgnoreCase("Cookie") ? null : header,
                mp.getOptionalValue("mp.jwt.verify.token.age", Integer.class).map(Duration::ofSeconds).orElse(null),
                Clock.systemUTC());
    }

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        if (!mpJwt(request)) {
            return check.authenticate(request);
        }
        return respond(request.env().headers(), () -> check.authenticate(request));
    }

    /** Where Helidon's provider would abstain (an application without MP-JWT), nothing remembered may answer. */
    private static boolean mpJwt(ProviderRequest request) {
        return request.endpointConfig().securityLevels().getFirst()
                .filterAnnotations(LoginConfig.class, EndpointConfig.AnnotationScope.CLASS).stream()
                .anyMatch(login -> "MP-JWT".equals(login.authMethod()));
    }

    /** {@code headers} as Helidon hands them over (names in any case); {@code checkToken} runs the check. */
    AuthenticationResponse respond(Map<String, List<String>> headers, Supplier<AuthenticationResponse> checkToken) {
        String token = header == null ? null : single(headers.get(header));
        if (token == null) {
            return checkToken.get();
        }
        Instant now = clock.instant();
        Accepted known = accepted.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return AuthenticationResponse.success(known.subject());
            }
            accepted.remove(token, known);
        }
        AuthenticationResponse checked = checkToken.get();
        if (checked.status() == SecurityResponse.SecurityStatus.SUCCESS) {
            checked.user().ifPresent(user -> until(user).filter(now::isBefore)
                    .ifPresent(until -> remember(token, new Accepted(user, until), now)));
        }
        return checked;
    }

    /** When the token stops being accepted: its expiry, or its age limit if that comes first. */
    private Optional<Instant> until(Subject user) {
        Optional<TokenCredential> token = user.publicCredential(TokenCredential.class);
        Optional<Instant> expiry = token.flatMap(TokenCredential::getExpTime);
        if (maxAge == null) {
            return expiry;
        }
        Optional<Instant> tooOld = token.flatMap(TokenCredential::getIssueTime).map(issued -> issued.plus(maxAge));
        return expiry.flatMap(exp -> tooOld.map(old -> old.isBefore(exp) ? old : exp));
    }

    private void remember(String token, Accepted entry, Instant now) {
        if (accepted.size() >= CAPACITY) {
            accepted.values().removeIf(a -> !now.isBefore(a.until()));
            if (accepted.size() >= CAPACITY) {
                accepted.clear();
            }
        }
        accepted.put(token, entry);
    }

    private static String single(List<String> values) {
        return values != null && values.size() == 1 ? values.getFirst() : null;
    }

    @Override
    public Collection<Class<? extends Annotation>> supportedAnnotations() {
        return check.supportedAnnotations();
    }
}
