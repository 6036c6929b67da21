package io.qinglang.benchmarks;

/**
 * How many of the application database's sessions were waiting for a lock during a measured phase, sampled
 * at intervals. In these scenarios that is the intake transactions queueing on the reference counter row.
 *
 * @param samples how often the sessions were counted (0: not observed)
 * @param mean    sessions waiting, on average over the samples
 * @param max     the most sessions seen waiting at once
 */
record LockWaits(int samples, double mean, int max) {

    static final LockWaits NOT_OBSERVED = new LockWaits(0, 0, 0);
}
