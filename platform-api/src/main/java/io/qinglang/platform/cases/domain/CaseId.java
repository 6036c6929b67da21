package io.qinglang.platform.cases.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a case within its tenant. */
public record CaseId(UUID value) {

    public CaseId {
        Objects.requireNonNull(value, "case id");
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
