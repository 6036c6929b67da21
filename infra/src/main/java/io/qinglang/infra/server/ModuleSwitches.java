package io.qinglang.infra.server;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Leaves the portal's JAX-RS application out when {@code qinglang.modules.portal.enabled=false}. An application
 * that merely lists no classes would not do: Helidon then serves every resource it discovered instead.
 */
public class ModuleSwitches implements Extension {

    void portal(@Observes ProcessAnnotatedType<PortalApplication> application) {
        boolean enabled = ConfigProvider.getConfig()
                .getOptionalValue("qinglang.modules.portal.enabled", Boolean.class).orElse(true);
        if (!enabled) {
            application.veto();
        }
    }
}
