package io.qinglang.platform.shared.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputErrorsReasonTest {

    private static String detail(String reason) {
        try {
            new InputErrors().reason("/reason", reason).throwIfAny();
            return null;
        } catch (InvalidInput e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().getFirst().detail();
        }
    }

    @Test
    void aReasonIsRequired() {
        assertThat(detail(null)).isEqualTo("is required");
        assertThat(detail("   ")).isEqualTo("is required");
    }

    @Test
    void aReasonSaysWhyInAtLeastTenCharactersNotCountingSpaceAround() {
        assertThat(detail("   too short   ")).as("nine characters once stripped")
                .isEqualTo("must say why, in at least 10 characters");
        assertThat(detail("  ten chars!  ")).isNull();
        assertThat(detail("违法经营，多次投诉")).isEqualTo("must say why, in at least 10 characters");
        assertThat(detail("违法经营，多次投诉未改")).isNull();
    }

    @Test
    void aReasonIsAtMostAThousandCharacters() {
        assertThat(detail("x".repeat(1000))).isNull();
        assertThat(detail("x".repeat(1001))).isEqualTo("must be at most 1000 characters");
        assertThatThrownBy(() -> new InputErrors().reason("/reason", "ab\u0000cdefghijk").throwIfAny())
                .isInstanceOf(InvalidInput.class).hasMessageContaining("control characters");
    }
}
