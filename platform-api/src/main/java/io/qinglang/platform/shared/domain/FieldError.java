package io.qinglang.platform.shared.domain;

/** One rejected field of a request: a JSON pointer (RFC 6901) into the request and what is wrong with it. */
public record FieldError(String pointer, String detail) {
}
