package io.qinglang.benchmarks;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.ProviderRequest;
import io.helidon.security.SecurityResponse;
import io.helidon.security.Subject;
import io.helidon.security.spi.AuthenticationProvider;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The staff token check with a way round it, for the benchmark only (registered by
 * {@link SkippableTokenCheckExtension}, which exists only in the benchmark's jar). Every request is checked by the
 * platform's own MicroProfile JWT provider, except one that names, in {@value #SKIP}, a subject remembered from an
 * earlier request whose token that provider accepted: that one is answered with the remembered subject (the same
 * principal, claims and roles) without any token being read. So the check can be skipped only for a caller it has
 * already let in once; an unknown name is checked as usual.
 */
final class SkippableTokenCheck implements AuthenticationProvider {

    /** On a request with a valid token: remember its subject under this header's value. */
    static final String REMEMBER = "X-Bench-Remember-Subject";
    /** On a request without a token: answer with the subject remembered under this header's value. */
    static final String SKIP = "X-Bench-Skip-Token-Check";

    private final AuthenticationProvider tokenCheck;
    private final Map<String, Subject> remembered = new ConcurrentHashMap<>();

    SkippableTokenCheck(AuthenticationProvider tokenCheck) {
        this.tokenCheck = tokenCheck;
    }

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        return respond(request.env().headers(), () -> tokenCheck.authenticate(request));
    }

    /** {@code headers} as Helidon hands them over, names in any case. */
    AuthenticationResponse respond(Map<String, List<String>> headers, Supplier<AuthenticationResponse> check) {
        Subject known = first(headers, SKIP).map(remembered::get).orElse(null);
        if (known != null) {
            return AuthenticationResponse.success(known);
        }
        AuthenticationResponse checked = check.get();
        if (checked.status() == SecurityResponse.SecurityStatus.SUCCESS) {
            first(headers, REMEMBER).ifPresent(name -> checked.user().ifPresent(user -> remembered.put(name, user)));
        }
        return checked;
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public Collection<Class<? extends Annotation>> supportedAnnotations() {
        return tokenCheck.supportedAnnotations();
    }
}
