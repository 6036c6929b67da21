/** Tenants: the organisations on the platform, their templates and their configuration. */
package io.qinglang.platform.tenants.domain;
