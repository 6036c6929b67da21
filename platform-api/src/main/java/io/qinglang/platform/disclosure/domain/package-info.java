/** Disclosure reports: each version of a tenant's report for a period, its generation and its archived files. */
package io.qinglang.platform.disclosure.domain;
