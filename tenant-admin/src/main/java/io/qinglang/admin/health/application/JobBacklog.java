package io.qinglang.admin.health.application;

import java.time.Instant;
import java.util.Map;

/** Work waiting for the background jobs in the tenant in scope; implemented over the database in infra. */
public interface JobBacklog {

    /** For each job that has a backlog, how many items wait at {@code now} (alerts due, mails unsent, …). */
    Map<BackgroundJob, Long> waiting(Instant now);
}
