package io.qinglang.admin.export.application;

import io.qinglang.platform.shared.domain.TenantId;

import java.util.zip.ZipOutputStream;

/**
 * Writes all of a body's data into a ZIP archive: {@code manifest.json}; {@code body.json}; one JSON Lines file per
 * table under {@code tables/} with sealed values opened (reporters' identities and contacts, payment details); the
 * evidence files under {@code evidence/}; the disclosure reports' files under {@code reports/}; the logo; and the audit
 * trail as {@code tables/audit_events.jsonl}, whose chain can be checked offline.
 */
public interface TenantDump {

    /** Told how far the dump is: a percentage of its steps and the step being written. */
    interface Progress {
        void at(int percent, String step);
    }

    void write(TenantId tenant, ZipOutputStream zip, Progress progress);
}
