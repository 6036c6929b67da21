package io.qinglang.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTest {

    @Test
    void aServerThatKeepsUpIsChargedItsServiceTimeAndTheRateIsHeld() throws Exception {
        OpenLoop.Step step = OpenLoop.run(index -> Thread.sleep(5), 200, Duration.ofMillis(500), 1_000);

        assertThat(step.due()).isEqualTo(100);
        assertThat(step.succeeded()).isEqualTo(100);
        assertThat(step.p50()).isBetween(4.5, 60.0);
        assertThat(step.achievedRate()).isBetween(120.0, 210.0);
        assertThat(step.held(100)).isTrue();
    }

    @Test
    void requestsThatQueueBehindASlowServerAreChargedFromWhenTheyWereDueNotFromWhenTheyWentOut() throws Exception {
        // one request at a time, 20 ms each, asked for every 10 ms: the queue grows by one every 20 ms
        Semaphore oneAtATime = new Semaphore(1);
        OpenLoop.Step step = OpenLoop.run(index -> {
            oneAtATime.acquire();
            try {
                Thread.sleep(20);
            } finally {
                oneAtATime.release();
            }
        }, 100, Duration.ofMillis(500), 1_000);

        // a closed-loop client would report 20 ms for each; the last of 50 waited behind about 49 others
        assertThat(step.succeeded()).isEqualTo(50);
        assertThat(step.max()).isGreaterThan(400.0);
        assertThat(step.p99()).isGreaterThan(400.0);
        assertThat(step.held(100)).isFalse();
    }

    @Test
    void requestsBeyondTheOutstandingLimitAreNotSentAndCountAsFailed() throws Exception {
        OpenLoop.Step step = OpenLoop.run(index -> Thread.sleep(300), 100, Duration.ofMillis(200), 5);

        assertThat(step.due()).isEqualTo(20);
        assertThat(step.succeeded()).isEqualTo(5);
        assertThat(step.failed()).isEqualTo(15);
        assertThat(step.firstFailure()).isEqualTo("more than 5 requests out at once");
        assertThat(step.held(1_000)).isFalse();
    }
}
