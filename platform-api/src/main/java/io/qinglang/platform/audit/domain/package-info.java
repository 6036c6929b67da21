/** The audit trail: append-only events, hash-chained per tenant. */
package io.qinglang.platform.audit.domain;
