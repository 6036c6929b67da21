package io.qinglang.platform.shared.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentUpdateTest {

    @Test
    void aChangeFromTheVersionThatStandsOrWithoutOneGoesThrough() {
        assertThatCode(() -> ConcurrentUpdate.check("channel web", 3L, 3L)).doesNotThrowAnyException();
        assertThatCode(() -> ConcurrentUpdate.check("channel web", null, 3L)).doesNotThrowAnyException();
        assertThatCode(() -> ConcurrentUpdate.check("channel web", null, null)).doesNotThrowAnyException();
    }

    @Test
    void versionZeroCreatesOnlyWhatDoesNotExistYet() {
        assertThatCode(() -> ConcurrentUpdate.check("channel web", 0L, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ConcurrentUpdate.check("channel web", 0L, 1L)).isInstanceOf(ConcurrentUpdate.class)
                .hasMessageContaining("channel web");
    }

    @Test
    void anOutdatedOrVanishedVersionIsRefused() {
        assertThatThrownBy(() -> ConcurrentUpdate.check("channel web", 2L, 3L)).isInstanceOf(ConcurrentUpdate.class);
        assertThatThrownBy(() -> ConcurrentUpdate.check("channel web", 2L, null)).isInstanceOf(ConcurrentUpdate.class);
    }
}
