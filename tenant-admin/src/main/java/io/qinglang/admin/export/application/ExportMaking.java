package io.qinglang.admin.export.application;

import io.qinglang.platform.audit.application.AuditSequencer;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.application.TenantTurns;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipOutputStream;

/**
 * Makes queued exports on any number of nodes: each is claimed ({@code SKIP LOCKED}, leased, at most
 * {@value #ATTEMPTS} attempts — a node that dies mid-way counts as one, and another node starts it again from the
 * beginning) and written with no transaction held across it: the body's data, table by table, into a ZIP, encrypted
 * as it is written, and stored in chunks of {@value #CHUNK} bytes. Progress is recorded as it goes and extends the
 * lease; a maker that lost its lease stops. Once made, the passphrase is forgotten.
 */
@ApplicationScoped
public class ExportMaking {

    private static final Logger LOG = Logger.getLogger(ExportMaking.class.getName());
    static final Duration LEASE = Duration.ofMinutes(10);
    static final int ATTEMPTS = 3;
    static final int CHUNK = 4 * 1024 * 1024;

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final ExportStore store;
    private final TenantDump dump;
    private final AuditSequencer sequencer;
    private final ExportEncryption encryption;
    private final TenantCipher cipher;
    private final Clock clock;

    @Inject
    public ExportMaking(TenantTransactions transactions, TenantRepository tenants, ExportStore store, TenantDump dump, AuditSequencer sequencer,
                        ExportEncryption encryption, TenantCipher cipher, Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.store = store;
        this.dump = dump;
        this.sequencer = sequencer;
        this.encryption = encryption;
        this.cipher = cipher;
        this.clock = clock;
    }

    static String passphraseContext(UUID exportId) {
        return "export:" + exportId;
    }

    /** Makes queued exports until none is due, one of each body in turn; returns how many this node made. */
    public int makeQueued(String node) {
        return TenantTurns.drain(transactions, tenants, "an export", tenant -> store.claim(node, LEASE, ATTEMPTS, now()),
                (tenant, claimed) -> make(tenant, claimed, node));
    }

    /** Deletes expired archives; returns how many. */
    public int expire() {
        int expired = 0;
        for (Tenant tenant : transactions.platform(tenants::list)) {
            expired += transactions.inTenant(tenant.id(), () -> store.expire(now()));
        }
        return expired;
    }

    private boolean make(Tenant tenant, ExportStore.Claimed claimed, String node) {
        TenantExport export = claimed.export();
        UUID id = export.id();
        Instant started = now();
        char[] passphrase = chars(cipher.open(tenant.id(), claimed.sealedPassphrase(), passphraseContext(id)));
        try {
            transactions.inTenant(tenant.id(), () -> store.clearChunks(id));
            sequencer.sealNow(tenant.id()); // the trail exported whole: only events written from here on wait
            Chunks chunks = new Chunks(tenant, id);
            MessageDigest sha256 = sha256();
            String inner = export.fileName(tenant.slug()).replace(".gpg", "");
            try (ZipOutputStream zip = new ZipOutputStream(encryption.encrypting(new DigestOutputStream(chunks, sha256),
                    passphrase, inner), StandardCharsets.UTF_8)) {
                dump.write(tenant.id(), zip, (percent, step) -> {
                    if (!transactions.inTenant(tenant.id(), () -> store.progress(id, node, Math.min(percent, 99), step,
                            LEASE, now()))) {
                        throw new Abandoned();
                    }
                });
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            boolean stored = transactions.inTenant(tenant.id(),
                    () -> store.complete(id, node, chunks.size, digest, now(), now().plus(TenantExports.KEPT)));
            LOG.info("Export of " + tenant.slug() + " " + (stored ? "made in " + Duration.between(started, now()).toMillis()
                    + " ms, " + chunks.size + " bytes" : "made, but no longer this node's"));
            return stored;
        } catch (Abandoned e) {
            LOG.info("Export " + id + " of " + tenant.slug() + " is no longer this node's");
            return false;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            boolean last = export.attempts() >= ATTEMPTS;
            LOG.log(Level.WARNING, "Export " + id + " of " + tenant.slug() + " failed (attempt " + export.attempts() + ")", e);
            try {
                transactions.inTenant(tenant.id(), () -> store.fail(id, node, "making the archive failed ("
                        + e.getClass().getSimpleName() + ")" + (last ? "" : "; it will be tried again"), last));
            } catch (RuntimeException recording) {
                LOG.log(Level.WARNING, "Recording the failure of export " + id + " failed", recording);
            }
            return false;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The archive as it is written: cut into chunks, each stored in its own transaction. */
    private final class Chunks extends OutputStream {
        private final Tenant tenant;
        private final UUID id;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int seq;
        long size;

        Chunks(Tenant tenant, UUID id) {
            this.tenant = tenant;
            this.id = id;
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                size += n;
                if (filled == buffer.length) {
                    store();
                }
            }
        }

        private void store() {
            byte[] chunk = Arrays.copyOf(buffer, filled);
            int next = seq++;
            transactions.inTenant(tenant.id(), () -> store.appendChunk(id, next, chunk));
            filled = 0;
        }

        @Override
        public void close() {
            if (filled > 0) {
                store();
            }
        }
    }

    /** The export was taken over by another node (its lease ran out): stop without recording anything. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private static char[] chars(byte[] utf8) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] chars = Arrays.copyOf(decoded.array(), decoded.limit());
        Arrays.fill(utf8, (byte) 0);
        return chars;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
