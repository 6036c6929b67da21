package io.qinglang.admin.disclosure.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's report generator: one background thread, so making reports never takes a request thread and never
 * more than one core of the node. {@link #wake} is called when a report is requested and by the periodic jobs; wakes
 * that come while it works are folded into one more pass.
 */
@ApplicationScoped
public class DisclosureWorker {

    private static final Logger LOG = Logger.getLogger(DisclosureWorker.class.getName());

    private final DisclosureGeneration generation;
    private final String node;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("qinglang-disclosure").daemon().factory());

    @Inject
    public DisclosureWorker(DisclosureGeneration generation) {
        this.generation = generation;
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Makes every queued report soon, on this node's generator thread. */
    public void wake() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        running.set(true);
        pending.set(false);
        try {
            generation.generateQueued(node);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Making disclosure reports failed; the next wake tries again", e);
        } finally {
            running.set(false);
        }
    }

    /** True when this node is making no report and none is asked for (for tests and shutdown). */
    public boolean idle() {
        return !pending.get() && !running.get();
    }

    public String node() {
        return node;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
