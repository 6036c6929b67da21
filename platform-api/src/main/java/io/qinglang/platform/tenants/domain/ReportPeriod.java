package io.qinglang.platform.tenants.domain;

/** The periods a tenant's disclosure reports cover. */
public enum ReportPeriod { MONTHLY, QUARTERLY, YEARLY }
