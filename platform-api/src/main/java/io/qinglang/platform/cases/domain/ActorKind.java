package io.qinglang.platform.cases.domain;

/** Who did something on a case. */
public enum ActorKind { REPORTER, STAFF, SYSTEM }
