package io.qinglang.admin.export.application;

import java.time.Instant;
import java.util.UUID;

/**
 * One export of a body's data: asked for by whom and when, where its making stands ({@code progress} 0–100 and the
 * {@code step}), and once ready its size and the SHA-256 of the encrypted archive, downloadable until it expires.
 */
public record TenantExport(UUID id, State state, int progress, String step, String requestedBy, Instant requestedAt,
                           int attempts, Instant readyAt, Instant expiresAt, Long sizeBytes, String sha256,
                           String failure) {

    public enum State { QUEUED, MAKING, READY, FAILED, EXPIRED }

    /** The archive's file name: the body, the day it was asked for, and that it is an OpenPGP-encrypted ZIP. */
    public String fileName(String slug) {
        return slug + "-export-" + requestedAt.toString().substring(0, 10) + ".zip.gpg";
    }
}
