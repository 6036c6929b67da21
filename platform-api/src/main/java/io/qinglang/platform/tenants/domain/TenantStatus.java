package io.qinglang.platform.tenants.domain;

/**
 * Whether a tenant is open for business. A suspended tenant keeps its data but accepts no reports; a leaving one was
 * closed by the operator and keeps its data until its grace period ends; a tenant that has left has no data left but
 * its audit trail and archived disclosure reports, and no accounts.
 */
public enum TenantStatus { ACTIVE, SUSPENDED, LEAVING, LEFT }
