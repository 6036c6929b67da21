package io.qinglang.platform.cases.domain;

/** The reported subject: a URL, an account, an organisation, a product… and how the reporter names it. */
public record Subject(SubjectType type, String value) {
}
