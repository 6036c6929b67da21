package io.qinglang.platform.cases.domain;

/** Kinds of entries in a case's timeline. */
public enum CaseEventType { RECEIVED, INFORMATION_ADDED }
