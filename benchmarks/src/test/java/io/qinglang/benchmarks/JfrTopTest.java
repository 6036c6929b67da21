package io.qinglang.benchmarks;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JfrTopTest {

    private static volatile long sink;

    @Test
    void aMethodThatBurnsTheCpuWhileRecordedIsAtTheTopOfItsSelfTime(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("burn.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            burn(Duration.ofMillis(1_500));
            recording.stop();
            recording.dump(file);
        }

        JfrTop.Costs costs = JfrTop.of(file, 5);

        assertThat(costs.samples()).isGreaterThan(20);
        assertThat(costs.methods().getFirst().name()).isEqualTo(JfrTopTest.class.getName() + ".burn");
        assertThat(costs.methods().getFirst().share()).isGreaterThan(0.5);
        assertThat(costs.packages()).extracting(JfrTop.Cost::name).contains("io.qinglang.benchmarks");
        assertThat(costs.selfPackages().getFirst().name()).isEqualTo("io.qinglang.benchmarks");
        assertThat(costs.methods()).allMatch(c -> c.share() > 0 && c.share() <= 1);
        assertThat(costs.ours()).extracting(JfrTop.Cost::name).contains("JfrTopTest.burn");
    }

    private static void burn(Duration length) {
        long until = System.nanoTime() + length.toNanos();
        long x = 1;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink = x;
    }
}
