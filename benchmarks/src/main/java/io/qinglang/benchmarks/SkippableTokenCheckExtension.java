package io.qinglang.benchmarks;

import io.helidon.config.Config;
import io.helidon.microprofile.cdi.RuntimeStart;
import io.helidon.microprofile.server.JaxRsApplication;
import io.helidon.microprofile.server.JaxRsCdiExtension;
import io.helidon.microprofile.security.SecurityCdiExtension;
import io.qinglang.infra.identity.CachedTokenCheck;
import io.qinglang.infra.identity.CachedTokenCheckExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import java.util.List;

import static jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE;


/**
 * Puts {@link SkippableTokenCheck} where the platform's token check would be, in the server the benchmark starts in
 * its own JVM. A CDI extension found through {@code META-INF/services} of the benchmark's jar: the platform's jar and
 * its configuration know nothing of it, so no setting can switch the token check off in production. The platform's
 * {@link CachedTokenCheckExtension} (like Helidon's JWT extension) adds its provider under the name the
 * {@code @LoginConfig(authMethod = "MP-JWT")} analysis asks for unless one of that name is there already; this one
 * is added first, and wraps the platform's check, made as the platform makes it.
 */
public final class SkippableTokenCheckExtension implements Extension {

    private Config config;

    /** The floor's resource ({@link FloorResource}), a request-scoped bean as the platform's resources are. */
    void addFloorResource(@Observes BeforeBeanDiscovery discovery, BeanManager beans) {
        discovery.addAnnotatedType(beans.createAnnotatedType(FloorResource.class), FloorResource.class.getName());
    }

    /**
     * The benchmark's own application at {@code /floor} ({@link FloorApplication}), beside the platform's and routed
     * before them: Helidon routes the applications added this way first, then those it discovered, in an order that
     * varies from run to run — and behind the portal's at {@code /}, which answers every path it is given, the floor
     * would only ever answer 404. A synthetic bean, so that Helidon finds it (for its security's view of the
     * application's annotations) without discovering it a second time.
     */
    void addFloorApplication(@Observes AfterBeanDiscovery discovery, BeanManager beans) {
        discovery.addBean().beanClass(FloorApplication.class).types(FloorApplication.class, Object.class)
                .scope(ApplicationScoped.class).createWith(context -> new FloorApplication());
        beans.getExtension(JaxRsCdiExtension.class).addApplications(List.of(
                JaxRsApplication.builder().application(FloorApplication.class).build()));
    }

    void configured(@Observes @RuntimeStart Config config) {
        this.config = config;
    }

    /** Before the platform's extension ({@code PLATFORM_BEFORE + 1}), Helidon's ({@code + 5}) and security's build. */
    void register(@Observes @Initialized(ApplicationScoped.class) @Priority(PLATFORM_BEFORE) Object event,
                  BeanManager beans) {
        beans.getExtension(SecurityCdiExtension.class).securityBuilder().addProvider(
                new SkippableTokenCheck(CachedTokenCheck.create(config)), CachedTokenCheckExtension.PROVIDER_NAME);
    }
}
