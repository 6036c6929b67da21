/** Application services of the audit trail: recording events, verifying a tenant's chain. */
package io.qinglang.platform.audit.application;
