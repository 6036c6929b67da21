package io.qinglang.benchmarks;

import io.qinglang.platform.shared.domain.TenantId;

/** The tenant every scenario reports to, onboarded over HTTP like any other. */
record BenchTenant(TenantId id, String slug) {
}
