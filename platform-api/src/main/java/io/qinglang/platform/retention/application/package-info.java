/** The retention purge job and what a tenant admin sees of it. */
package io.qinglang.platform.retention.application;
