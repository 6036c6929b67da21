package io.qinglang.benchmarks;

import io.helidon.config.Config;
import io.helidon.microprofile.cdi.RuntimeStart;
import io.helidon.microprofile.jwt.auth.JwtAuthProvider;
import io.helidon.microprofile.security.SecurityCdiExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;

import static jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE;

/**
 * Puts {@link SkippableTokenCheck} where Helidon's MicroProfile JWT provider would be, in the server the benchmark
 * starts in its own JVM. A CDI extension found through {@code META-INF/services} of the benchmark's jar: the platform's
 * jar and its configuration know nothing of it, so no setting can switch the token check off in production.
 * Helidon's JWT extension adds its provider under the name the {@code @LoginConfig(authMethod = "MP-JWT")} analysis
 * asks for, unless one of that name is there already; this one is added first, and wraps a provider made exactly as
 * Helidon's would be (the same {@code mp.jwt.*} configuration).
 */
public final class SkippableTokenCheckExtension implements Extension {

    /** The name Helidon's JWT-auth gives its provider and routes MP-JWT applications to. */
    static final String PROVIDER_NAME = "mp-jwt-auth";

    private Config config;

    void configured(@Observes @RuntimeStart Config config) {
        this.config = config;
    }

    /** Before Helidon's JWT extension (priority {@code PLATFORM_BEFORE + 5}) and before security is built. */
    void register(@Observes @Initialized(ApplicationScoped.class) @Priority(PLATFORM_BEFORE) Object event,
                  BeanManager beans) {
        beans.getExtension(SecurityCdiExtension.class).securityBuilder()
                .addProvider(new SkippableTokenCheck(JwtAuthProvider.create(config)), PROVIDER_NAME);
    }
}
