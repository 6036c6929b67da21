package io.qinglang.platform.deadlines.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HandlingPeriodTest {

    @Test
    void refusesANegativeAmount() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HandlingPeriod(-1, DurationUnit.WORKING_DAYS));
    }

    @Test
    void refusesAMissingUnit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HandlingPeriod(7, null));
    }

    @Test
    void theInstantPeriodIsZeroHours() {
        assertThat(HandlingPeriod.instant()).isEqualTo(new HandlingPeriod(0, DurationUnit.HOURS));
    }
}
