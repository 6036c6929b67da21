package io.qinglang.benchmarks;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.Role;
import io.helidon.security.SecurityResponse;
import io.helidon.security.Subject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class SkippableTokenCheckTest {

    private static final Subject HANDLER = Subject.builder().principal(Principal.create("handler@bench.example"))
            .addGrant(Role.create("handler")).build();

    private final AtomicInteger checks = new AtomicInteger();
    private final SkippableTokenCheck check = new SkippableTokenCheck(request -> AuthenticationResponse.abstain());

    @Test
    void aRememberedSubjectIsAnsweredWithoutCheckingAnyToken() {
        check.respond(headers(SkippableTokenCheck.REMEMBER, "h1", "Authorization", "Bearer valid"), accepted());

        AuthenticationResponse skipped = check.respond(headers("x-bench-skip-token-check", "h1"), refused());

        assertThat(skipped.status()).isEqualTo(SecurityResponse.SecurityStatus.SUCCESS);
        assertThat(skipped.user()).containsSame(HANDLER);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aNameNeverLetInIsCheckedAsUsual() {
        check.respond(headers(SkippableTokenCheck.REMEMBER, "h1", "Authorization", "Bearer forged"), refused());

        AuthenticationResponse unknown = check.respond(headers(SkippableTokenCheck.SKIP, "h1"), refused());
        AuthenticationResponse other = check.respond(headers(SkippableTokenCheck.SKIP, "h2"), refused());

        assertThat(unknown.status()).isEqualTo(SecurityResponse.SecurityStatus.FAILURE);
        assertThat(other.status()).isEqualTo(SecurityResponse.SecurityStatus.FAILURE);
        assertThat(checks).hasValue(3);
    }

    @Test
    void requestsWithoutTheHeadersAreLeftToTheTokenCheck() {
        AuthenticationResponse checked = check.respond(headers("Authorization", "Bearer valid"), accepted());

        assertThat(checked.user()).containsSame(HANDLER);
        assertThat(checks).hasValue(1);
    }

    private Supplier<AuthenticationResponse> accepted() {
        return () -> {
            checks.incrementAndGet();
            return AuthenticationResponse.success(HANDLER);
        };
    }

    private Supplier<AuthenticationResponse> refused() {
        return () -> {
            checks.incrementAndGet();
            return AuthenticationResponse.failed("invalid token");
        };
    }

    /** Header names in any case, as Helidon hands them over. */
    private static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return headers;
    }
}
