package io.qinglang.platform.shared.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tenant (an organisation on the platform); every tenant-owned row carries it first in its key. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
