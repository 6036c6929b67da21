/** Published statistics: periods, the figures kept per month, and the small-cell rules that guard them. */
package io.qinglang.platform.statistics.domain;
