package io.qinglang.platform.audit.application;

/**
 * What happened, as a service reports it to the audit trail. Actor kinds: REPORTER (never identified),
 * STAFF, OPERATOR, SYSTEM. Details are a short JSON object, never reporter identity or receipt codes.
 */
public record AuditRecord(String actorKind, String actorId, String action, String subjectType, String subjectId,
                          String reason, String details) {

    public static AuditRecord byReporter(String action, String caseId, String details) {
        return new AuditRecord("REPORTER", null, action, "CASE", caseId, null, details);
    }
}
