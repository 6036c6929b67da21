package io.qinglang.infra.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    @Test
    void aValidTraceparentIsContinuedWithASpanOfOurOwn() {
        TraceContext trace = TraceContext.continuing("00-" + TRACE + "-" + PARENT + "-01");

        assertThat(trace.traceId()).isEqualTo(TRACE);
        assertThat(trace.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(PARENT);
        assertThat(trace.sampled()).isTrue();
        assertThat(trace.traceparent()).isEqualTo("00-" + TRACE + "-" + trace.spanId() + "-01");
        assertThat(TraceContext.continuing("00-" + TRACE + "-" + PARENT + "-00").sampled()).isFalse();
    }

    @Test
    void aLaterVersionMayCarryMoreFieldsAfterTheFourWeRead() {
        assertThat(TraceContext.continuing("01-" + TRACE + "-" + PARENT + "-01-what-comes-next").traceId()).isEqualTo(TRACE);
        assertThat(TraceContext.continuing("01-" + TRACE + "-" + PARENT + "-01").traceId()).isEqualTo(TRACE);
    }

    @Test
    void aMissingOrMalformedTraceparentStartsANewTrace() {
        List<String> malformed = List.of("", "garbage", "00-" + TRACE + "-" + PARENT, "00-" + TRACE.toUpperCase() + "-" + PARENT
                + "-01", "00-" + "0".repeat(32) + "-" + PARENT + "-01", "00-" + TRACE + "-" + "0".repeat(16) + "-01",
                "ff-" + TRACE + "-" + PARENT + "-01", "00-" + TRACE + "-" + PARENT + "-01-more", "00-" + TRACE + "-"
                        + PARENT + "-0g", "00_" + TRACE + "-" + PARENT + "-01", "01-" + TRACE + "-" + PARENT + "-01x",
                "00-" + TRACE + "-" + PARENT + "-01\n");
        for (String header : malformed) {
            TraceContext trace = TraceContext.continuing(header);
            assertThat(trace.traceId()).as(header).matches("[0-9a-f]{32}").isNotEqualTo(TRACE)
                    .isNotEqualTo("0".repeat(32));
            assertThat(trace.traceparent()).as(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
        }
        assertThat(TraceContext.continuing(null).traceId()).matches("[0-9a-f]{32}");
    }

    @Test
    void everyNewTraceIsAnotherOne() {
        assertThat(TraceContext.continuing(null).traceId()).isNotEqualTo(TraceContext.continuing(null).traceId());
    }

    @Test
    void outsideAnyRequestThereIsNoCurrentTrace() {
        assertThat(TraceContext.current()).isEmpty();
    }
}
