package io.qinglang.admin.health.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The platform's health at {@code at}: each check, each background job, and how often the jobs run here (or null). */
public record HealthReport(Instant at, List<CheckOutcome> checks, List<JobStatus> jobs, Duration jobsEvery) {

    public boolean allWell() {
        return checks.stream().allMatch(CheckOutcome::ok) && jobs.stream().noneMatch(JobStatus::problem);
    }
}
