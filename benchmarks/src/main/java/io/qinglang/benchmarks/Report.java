package io.qinglang.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Everything a run found, for the table and the JSON file. */
record Report(BenchOptions options, MachineFacts machine, List<ScenarioResult> scenarios, Instant startedAt,
              Duration startup, Duration elapsed) {

    boolean anyFailed() {
        return scenarios.stream().anyMatch(ScenarioResult::anyFailed);
    }
}
