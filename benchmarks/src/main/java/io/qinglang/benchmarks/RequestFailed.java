package io.qinglang.benchmarks;

/**
 * A request that did not succeed, named by what went wrong ({@code HTTP 500 INTERNAL_ERROR}, an SQL state):
 * the name is what the result table counts, so it should not carry per-request details.
 */
final class RequestFailed extends Exception {

    RequestFailed(String reason) {
        super(reason, null, false, false);
    }
}
