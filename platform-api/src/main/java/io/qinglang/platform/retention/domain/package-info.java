/** Retention of ended cases: what the purge erases and counts, and the store that claims and erases it. */
package io.qinglang.platform.retention.domain;
