package io.qinglang.platform.cases.domain;

/** What a report is about: the reported subject's kind. */
public enum SubjectType { URL, ACCOUNT, ORGANISATION, PRODUCT, PERSON, OTHER }
