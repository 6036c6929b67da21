package io.qinglang.admin.health.application;

import java.time.Duration;
import java.time.Instant;

/**
 * A background job's run on this node: when it began, how long it took, how much it did (alerts raised, mails sent),
 * and its failure if it failed. {@code every} is how often it is meant to run.
 */
public record JobRun(BackgroundJob job, Instant startedAt, Duration took, int done, String failure, Duration every) {

    public boolean ok() {
        return failure == null;
    }
}
