package io.qinglang.platform.cases.domain;

/**
 * The human reference of a case, unique per tenant and year, e.g. {@code JB-2026-000123}. Not a secret:
 * staff and reporters quote it, but it never grants access — only the receipt code does.
 */
public record ReferenceNumber(String value) {

    public static ReferenceNumber of(String prefix, int year, long sequence) {
        return new ReferenceNumber("%s-%d-%06d".formatted(prefix, year, sequence));
    }

    @Override
    public String toString() {
        return value;
    }
}
