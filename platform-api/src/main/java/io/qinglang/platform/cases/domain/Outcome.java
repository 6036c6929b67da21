package io.qinglang.platform.cases.domain;

/** What the handling of a case found. */
public enum Outcome { SUBSTANTIATED, PARTLY_SUBSTANTIATED, UNSUBSTANTIATED, MALICIOUS }
