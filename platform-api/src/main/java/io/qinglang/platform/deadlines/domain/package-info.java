/** Handling deadlines: tenants' working calendars and the Chinese administrative counting rule. */
package io.qinglang.platform.deadlines.domain;
