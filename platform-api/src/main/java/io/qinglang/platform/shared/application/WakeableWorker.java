package io.qinglang.platform.shared.application;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One background thread of this node for long work (reports, exports), so the work never takes a request thread and
 * never more than one core. {@link #wake} is called when work is asked for and by the periodic jobs; wakes that come
 * while it works are folded into one more pass. The work is given this node's name, which leases name.
 */
public final class WakeableWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WakeableWorker.class.getName());

    private final String what;
    private final Consumer<String> work;
    private final String node;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService executor;

    /** A worker on a thread named {@code qinglang-<what>} that does {@code work(node)} on each pass. */
    public WakeableWorker(String what, Consumer<String> work) {
        this.what = what;
        this.work = work;
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("qinglang-" + what).daemon().factory());
    }

    /** Does the queued work soon, on this worker's thread. */
    public void wake() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        running.set(true);
        pending.set(false);
        try {
            work.accept(node);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The " + what + " worker failed; the next wake tries again", e);
        } finally {
            running.set(false);
        }
    }

    /** True when this worker does nothing and nothing is asked of it (for tests and shutdown). */
    public boolean idle() {
        return !pending.get() && !running.get();
    }

    public String node() {
        return node;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
