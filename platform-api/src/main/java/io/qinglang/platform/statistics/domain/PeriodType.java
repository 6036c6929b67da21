package io.qinglang.platform.statistics.domain;

/** The lengths of period statistics are published for. */
public enum PeriodType { MONTH, QUARTER, YEAR }
