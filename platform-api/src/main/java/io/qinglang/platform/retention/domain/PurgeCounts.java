package io.qinglang.platform.retention.domain;

/**
 * What one purge erased: the cases, the reporters' identities and contacts, the evidence files and their bytes, the
 * free texts (reporters' messages, parties' statements, notes and reasons on the timeline, decisions' reasons) and
 * rewards' payment details. Counts only: an audit event carries them, never what was erased.
 */
public record PurgeCounts(int cases, int identities, int contacts, int evidenceFiles, long evidenceBytes, int texts,
                          int paymentDetails) {

    public static final PurgeCounts NONE = new PurgeCounts(0, 0, 0, 0, 0, 0, 0);

    public PurgeCounts plus(PurgeCounts other) {
        return new PurgeCounts(cases + other.cases, identities + other.identities, contacts + other.contacts,
                evidenceFiles + other.evidenceFiles, evidenceBytes + other.evidenceBytes, texts + other.texts,
                paymentDetails + other.paymentDetails);
    }
}
