package io.qinglang.admin.disclosure.application;

import io.qinglang.platform.shared.application.WakeableWorker;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * This node's report generator: one background thread ({@link WakeableWorker}), woken when a report is requested and
 * by the periodic jobs.
 */
@ApplicationScoped
public class DisclosureWorker {

    private final WakeableWorker worker;

    @Inject
    public DisclosureWorker(DisclosureGeneration generation) {
        this.worker = new WakeableWorker("disclosure", generation::generateQueued);
    }

    /** Makes every queued report soon, on this node's generator thread. */
    public void wake() {
        worker.wake();
    }

    /** True when this node is making no report and none is asked for (for tests and shutdown). */
    public boolean idle() {
        return worker.idle();
    }

    public String node() {
        return worker.node();
    }

    @PreDestroy
    void stop() {
        worker.close();
    }
}
