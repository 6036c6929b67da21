package io.qinglang.platform.notifications.domain;

/** Who a notification is for; the addresses are looked up when it is sent. */
public enum Audience {
    /** The tenant's supervisors. */
    SUPERVISORS,
    /** The case's assignee (if any) and the tenant's supervisors. */
    ASSIGNEE_AND_SUPERVISORS,
    /** The tenant's administrators. */
    TENANT_ADMINS,
    /** The reporter, at the e-mail address of their sealed contact, if they gave one. */
    REPORTER
}
