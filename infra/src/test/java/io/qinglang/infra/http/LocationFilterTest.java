package io.qinglang.infra.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocationFilterTest {

    private static final URI EVIL = URI.create("http://evil.example/api/");
    private static final Optional<String> PUBLIC = Optional.of("https://reports.example.org/");

    @Test
    void aLocationHereIsOnThePublicAddressNeverOnTheHostSent() {
        assertThat(LocationFilter.onPublicAddress(URI.create("http://evil.example/api/v1/platform/tenants/a-b"), EVIL,
                PUBLIC)).hasToString("https://reports.example.org/api/v1/platform/tenants/a-b");
        assertThat(LocationFilter.onPublicAddress(URI.create("/console/sign-in?returnTo=L2Nv%2Bx#top"), EVIL, PUBLIC))
                .hasToString("https://reports.example.org/console/sign-in?returnTo=L2Nv%2Bx#top");
    }

    @Test
    void withoutAPublicAddressALocationHereIsRelative() {
        assertThat(LocationFilter.onPublicAddress(URI.create("http://evil.example/console/cases?q=%E4%BD%A0"), EVIL,
                Optional.empty())).hasToString("/console/cases?q=%E4%BD%A0");
        assertThat(LocationFilter.onPublicAddress(URI.create("reports/7"), EVIL, Optional.empty()))
                .hasToString("/api/reports/7");
    }

    @Test
    void aLocationElsewhereIsLeftAlone() {
        URI keycloak = URI.create("https://sso.example.org/realms/qinglang/protocol/openid-connect/auth?client_id=c");
        assertThat(LocationFilter.onPublicAddress(keycloak, EVIL, PUBLIC)).isEqualTo(keycloak);
        URI otherPort = URI.create("http://evil.example:8180/x");
        assertThat(LocationFilter.onPublicAddress(otherPort, EVIL, PUBLIC)).isEqualTo(otherPort);
    }
}
