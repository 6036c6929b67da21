package io.qinglang.infra.server;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Leaves the portal's JAX-RS application out when {@code qinglang.modules.portal.enabled=false}, and the console's
 * when {@code qinglang.modules.admin.enabled=false}. An application
 * that merely lists no classes would not do: Helidon then serves every resource it discovered instead.
 */
public class ModuleSwitches implements Extension {

    void portal(@Observes ProcessAnnotatedType<PortalApplication> application) {
        vetoUnless("qinglang.modules.portal.enabled", application);
    }

    void console(@Observes ProcessAnnotatedType<ConsoleApplication> application) {
        vetoUnless("qinglang.modules.admin.enabled", application);
    }

    private static void vetoUnless(String switchName, ProcessAnnotatedType<?> application) {
        if (!ConfigProvider.getConfig().getOptionalValue(switchName, Boolean.class).orElse(true)) {
            application.veto();
        }
    }
}
