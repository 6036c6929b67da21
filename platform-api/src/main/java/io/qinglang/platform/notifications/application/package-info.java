/** Writing notifications into the outbox with the change that caused them, and sending them afterwards. */
package io.qinglang.platform.notifications.application;
