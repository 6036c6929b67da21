package io.qinglang.platform.audit.domain;

import io.qinglang.platform.shared.domain.TenantId;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The hash chain of a tenant's audit trail. Each hash is SHA-256 over the previous hash and every field of
 * the event, each field length-prefixed so no two different events encode alike. Verification walks the
 * events in order and names the first that does not fit: a changed field, a removed or inserted event,
 * or events swapped.
 */
public final class AuditChain {

    /** The "previous hash" of a tenant's first event. */
    public static final byte[] GENESIS = new byte[32];

    private final TenantId tenant;
    private byte[] previous = GENESIS;
    private long expectedSeq = 1;
    private long checked;
    private ChainVerification broken;

    public AuditChain(TenantId tenant) {
        this.tenant = tenant;
    }

    /** The hash an event must carry, given the hash before it. */
    public static byte[] hash(TenantId tenant, AuditEntry entry, byte[] previousHash) {
        MessageDigest digest = sha256();
        digest.update(previousHash);
        for (String field : new String[]{tenant.toString(), Long.toString(entry.seq()), entry.occurredAt().toString(),
                entry.actorKind(), entry.actorId(), entry.action(), entry.subjectType(), entry.subjectId(),
                entry.reason(), entry.details()}) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(5).put((byte) (field == null ? 0 : 1)).putInt(bytes.length).array());
            digest.update(bytes);
        }
        return digest.digest();
    }

    /** The event sealed as the chain's {@code seq}th, after the event whose hash is {@code previousHash}. */
    public static AuditEntry seal(TenantId tenant, AuditEntry waiting, long seq, byte[] previousHash) {
        AuditEntry numbered = new AuditEntry(seq, waiting.occurredAt(), waiting.actorKind(), waiting.actorId(),
                waiting.action(), waiting.subjectType(), waiting.subjectId(), waiting.reason(), waiting.details(),
                previousHash, null);
        return new AuditEntry(seq, waiting.occurredAt(), waiting.actorKind(), waiting.actorId(), waiting.action(),
                waiting.subjectType(), waiting.subjectId(), waiting.reason(), waiting.details(), previousHash,
                hash(tenant, numbered, previousHash));
    }

    /** Checks the next event in sequence order; after the first break, later events are not judged. */
    public void accept(AuditEntry entry) {
        if (broken != null) {
            return;
        }
        if (entry.seq() != expectedSeq) {
            broken = ChainVerification.brokenAt(checked, expectedSeq, "event " + expectedSeq + " is missing (found "
                    + entry.seq() + " next)");
        } else if (!Arrays.equals(entry.prevHash(), previous)) {
            broken = ChainVerification.brokenAt(checked, entry.seq(), "does not link to the event before it");
        } else if (!Arrays.equals(entry.hash(), hash(tenant, entry, previous))) {
            broken = ChainVerification.brokenAt(checked, entry.seq(), "its content does not match its hash");
        } else {
            previous = entry.hash();
            expectedSeq++;
            checked++;
        }
    }

    public ChainVerification result() {
        return broken != null ? broken : ChainVerification.intact(checked);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
