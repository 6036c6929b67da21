/** Qinglang benchmarks. */
package io.qinglang.benchmarks;
