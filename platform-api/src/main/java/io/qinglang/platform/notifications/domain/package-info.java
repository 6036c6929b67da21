/** Notifications: what must be told to whom, kept in an outbox until it has been sent. */
package io.qinglang.platform.notifications.domain;
