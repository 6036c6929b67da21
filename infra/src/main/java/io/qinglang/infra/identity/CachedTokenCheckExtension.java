package io.qinglang.infra.identity;

import io.helidon.config.Config;
import io.helidon.microprofile.cdi.RuntimeStart;
import io.helidon.microprofile.security.SecurityCdiExtension;
import io.helidon.security.Security;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;

import static jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE;

/**
 * Registers {@link CachedTokenCheck} under the name Helidon's JWT-auth extension gives its provider, and which the
 * {@code @LoginConfig(authMethod = "MP-JWT")} of the API routes to; that extension then adds none of its own. Like
 * it, this one leaves a provider already registered under that name alone.
 */
public class CachedTokenCheckExtension implements Extension {

    /** The provider name Helidon's MP JWT-auth uses ({@code JwtAuthProviderService}). */
    public static final String PROVIDER_NAME = "mp-jwt-auth";

    private Config config;

    void configured(@Observes @RuntimeStart Config config) {
        this.config = config;
    }

    /** Before Helidon's JWT extension (priority {@code PLATFORM_BEFORE + 5}) and before security is built. */
    void register(@Observes @Initialized(ApplicationScoped.class) @Priority(PLATFORM_BEFORE + 1) Object event,
                  BeanManager beans) {
        Security.Builder security = beans.getExtension(SecurityCdiExtension.class).securityBuilder();
        if (!security.hasProvider(PROVIDER_NAME)) {
            security.addProvider(CachedTokenCheck.create(config), PROVIDER_NAME);
        }
    }
}
