package io.qinglang.infra.identity;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.Role;
import io.helidon.security.SecurityResponse;
import io.helidon.security.Subject;
import io.helidon.security.providers.common.TokenCredential;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class CachedTokenCheckTest {

    private static final Instant ISSUED = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofMinutes(5));

    private final MutableClock clock = new MutableClock(ISSUED.plusSeconds(10));
    private final AtomicInteger checks = new AtomicInteger();
    private final CachedTokenCheck check = new CachedTokenCheck(request -> AuthenticationResponse.abstain(),
            "Authorization", null, clock);

    @Test
    void aTokenAcceptedOnceIsAcceptedAgainWithoutBeingCheckedAgain() {
        Subject handler = subject("handler@a.example");
        check.respond(bearer("t1"), accepted(handler));

        AuthenticationResponse again = check.respond(bearer("t1"), refused());

        assertThat(again.status()).isEqualTo(SecurityResponse.SecurityStatus.SUCCESS);
        assertThat(again.user()).containsSame(handler);
        assertThat(checks).hasValue(1);
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndItsRefusalStands() {
        check.respond(bearer("t1"), accepted(subject("handler@a.example")));
        clock.now = EXPIRES;

        AuthenticationResponse late = check.respond(bearer("t1"), refused());
        AuthenticationResponse later = check.respond(bearer("t1"), refused());

        assertThat(late.status()).isEqualTo(SecurityResponse.SecurityStatus.FAILURE);
        assertThat(later.status()).isEqualTo(SecurityResponse.SecurityStatus.FAILURE);
        assertThat(checks).hasValue(3);
    }

    @Test
    void refusalsAreNotRemembered() {
        check.respond(bearer("forged"), refused());

        AuthenticationResponse next = check.respond(bearer("forged"), accepted(subject("x@a.example")));

        assertThat(next.status()).isEqualTo(SecurityResponse.SecurityStatus.SUCCESS);
        assertThat(checks).hasValue(2);
    }

    @Test
    void onlyTheSameTokenFindsTheSubjectItWasAcceptedFor() {
        Subject first = subject("first@a.example");
        Subject second = subject("second@b.example");
        check.respond(bearer("t1"), accepted(first));

        AuthenticationResponse other = check.respond(bearer("t2"), accepted(second));

        assertThat(other.user()).containsSame(second);
        assertThat(check.respond(bearer("t1"), refused()).user()).containsSame(first);
        assertThat(check.respond(bearer("t2"), refused()).user()).containsSame(second);
        assertThat(checks).hasValue(2);
    }

    @Test
    void requestsWithoutOneTokenHeaderAreAlwaysChecked() {
        check.respond(headers(Map.of()), accepted(subject("x@a.example")));
        check.respond(headers(Map.of()), accepted(subject("x@a.example")));
        check.respond(headers(Map.of("Authorization", List.of("Bearer t1", "Bearer t2"))), accepted(subject("y@a.example")));
        check.respond(headers(Map.of("Authorization", List.of("Bearer t1", "Bearer t2"))), accepted(subject("y@a.example")));

        assertThat(checks).hasValue(4);
    }

    @Test
    void aTokenOlderThanTheAgeLimitIsCheckedAgainBeforeItExpires() {
        CachedTokenCheck limited = new CachedTokenCheck(request -> AuthenticationResponse.abstain(), "Authorization",
                Duration.ofMinutes(1), clock);
        limited.respond(bearer("t1"), accepted(subject("handler@a.example")));
        clock.now = ISSUED.plus(Duration.ofMinutes(1));

        AuthenticationResponse tooOld = limited.respond(bearer("t1"), refused());

        assertThat(tooOld.status()).isEqualTo(SecurityResponse.SecurityStatus.FAILURE);
        assertThat(checks).hasValue(2);
    }

    @Test
    void withTokensInACookieNothingIsRemembered() {
        CachedTokenCheck cookies = new CachedTokenCheck(request -> AuthenticationResponse.abstain(), null, null, clock);
        cookies.respond(bearer("t1"), accepted(subject("handler@a.example")));

        cookies.respond(bearer("t1"), accepted(subject("handler@a.example")));

        assertThat(checks).hasValue(2);
    }

    @Test
    void whenFullTheExpiredEntriesGoFirst() {
        Subject early = subject("early@a.example", ISSUED.plusSeconds(30));
        check.respond(bearer("early"), accepted(early));
        for (int i = 1; i < CachedTokenCheck.CAPACITY; i++) {
            check.respond(bearer("t" + i), accepted(subject("h" + i + "@a.example")));
        }
        clock.now = ISSUED.plusSeconds(60);

        check.respond(bearer("new"), accepted(subject("new@a.example")));

        assertThat(check.respond(bearer("t1"), refused()).user()).isPresent();
        assertThat(check.respond(bearer("early"), refused()).status()).isEqualTo(SecurityResponse.SecurityStatus.FAILURE);
    }

    private Supplier<AuthenticationResponse> accepted(Subject subject) {
        return () -> {
            checks.incrementAndGet();
            return AuthenticationResponse.success(subject);
        };
    }

    private Supplier<AuthenticationResponse> refused() {
        return () -> {
            checks.incrementAndGet();
            return AuthenticationResponse.failed("invalid token");
        };
    }

    private static Subject subject(String name) {
        return subject(name, EXPIRES);
    }

    /** As Helidon's provider builds it: the principal, the roles, and the token with its times. */
    private static Subject subject(String name, Instant expires) {
        return Subject.builder().principal(Principal.create(name)).addGrant(Role.create("handler"))
                .addPublicCredential(TokenCredential.class, TokenCredential.builder().token("raw")
                        .issueTime(ISSUED).expTime(expires).build())
                .build();
    }

    private static Map<String, List<String>> bearer(String token) {
        return headers(Map.of("authorization", List.of("Bearer " + token)));
    }

    /** Header names in any case, as Helidon hands them over. */
    private static Map<String, List<String>> headers(Map<String, List<String>> values) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(values);
        return headers;
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
