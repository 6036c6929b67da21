package io.qinglang.admin.export.application;

import io.qinglang.platform.shared.application.WakeableWorker;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** This node's export maker: one background thread, woken when an export is asked for and by the periodic jobs. */
@ApplicationScoped
public class ExportWorker {

    private final WakeableWorker worker;

    @Inject
    public ExportWorker(ExportMaking making) {
        this.worker = new WakeableWorker("export", making::makeQueued);
    }

    public void wake() {
        worker.wake();
    }

    /** True when this node is making no export and none is asked for (for tests). */
    public boolean idle() {
        return worker.idle();
    }

    @PreDestroy
    void stop() {
        worker.close();
    }
}
