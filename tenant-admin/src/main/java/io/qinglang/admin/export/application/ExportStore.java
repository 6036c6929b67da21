package io.qinglang.admin.export.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The exports of the tenant in scope and their archives, kept as numbered chunks so that an archive of any size is
 * written and read a piece at a time, by any node.
 */
public interface ExportStore {

    /** Records a queued export with its sealed passphrase; {@link ExportInProgress} if one is queued or being made. */
    TenantExport request(UUID id, String by, byte[] sealedPassphrase, Instant now);

    Optional<TenantExport> find(UUID id);

    /** Every export of the tenant, newest first. */
    List<TenantExport> list();

    /** An export claimed for making, with the passphrase it is to be encrypted to (still sealed). */
    record Claimed(TenantExport export, byte[] sealedPassphrase) {
    }

    /**
     * Claims the oldest queued export (or one whose maker's lease ran out) for {@code node} until {@code lease} from
     * now, counting an attempt; at most {@code attempts} attempts. Rows another transaction holds are skipped.
     */
    Optional<Claimed> claim(String node, Duration lease, int attempts, Instant now);

    /** Records progress and extends the lease; false if the export is no longer this node's. */
    boolean progress(UUID id, String node, int percent, String step, Duration lease, Instant now);

    /** Forgets the chunks of an earlier attempt. */
    void clearChunks(UUID id);

    void appendChunk(UUID id, int seq, byte[] bytes);

    /** Marks the export ready and forgets its passphrase; false if it is no longer this node's. */
    boolean complete(UUID id, String node, long sizeBytes, String sha256, Instant now, Instant expires);

    /** Records a failure; the last attempt's failure is final, and its passphrase forgotten. */
    void fail(UUID id, String node, String failure, boolean last);

    int chunkCount(UUID id);

    byte[] chunk(UUID id, int seq);

    /** Deletes the archives of ready exports that have expired at {@code now}; returns how many. */
    int expire(Instant now);
}
