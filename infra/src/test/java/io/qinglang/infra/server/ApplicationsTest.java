package io.qinglang.infra.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helidon starts the API and the portal applications in an order that changes from build to build, and Jersey's
 * JSON provider may be created in whichever comes first: both must carry the platform's mapper, or the API would
 * write instants as numbers in some builds (seen in a fresh clone, never locally).
 */
class ApplicationsTest {

    @Test
    void bothApplicationsCarryThePlatformsJsonMapper() {
        assertThat(new QinglangApplication(true).getClasses()).contains(ObjectMapperResolver.class);
        assertThat(new PortalApplication().getClasses()).contains(ObjectMapperResolver.class);
    }
}
