package io.qinglang.benchmarks;

/** One request of a scenario, sent by a client; the index numbers requests from 0 across warm-up and measurement. */
@FunctionalInterface
interface Request {

    /** Returns when the request succeeded; throws when it failed. */
    void send(int index) throws Exception;
}
