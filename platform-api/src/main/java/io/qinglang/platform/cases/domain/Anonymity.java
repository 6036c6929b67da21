package io.qinglang.platform.cases.domain;

/**
 * The reporter's choice. ANONYMOUS: the tenant never learns who reported. CONFIDENTIAL: the identity is
 * known to the tenant but protected. NAMED: the reporter agrees to be named. An anonymous report is never
 * refused for being anonymous.
 */
public enum Anonymity { ANONYMOUS, CONFIDENTIAL, NAMED }
