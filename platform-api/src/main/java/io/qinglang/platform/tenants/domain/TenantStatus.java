package io.qinglang.platform.tenants.domain;

/** Whether a tenant is open for business. A suspended tenant keeps its data but accepts no reports. */
public enum TenantStatus { ACTIVE, SUSPENDED }
