package io.qinglang.platform.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A decision on a case (处理决定): the outcome, the actions taken, the legal basis and the statement of
 * reasons the reporter can read. A case reversed on review gets a new decision; earlier ones are kept.
 */
@Entity
@Table(name = "decisions")
public class Decision {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String actions;
    @Column(name = "legal_basis")
    private String legalBasis;
    private String reasons;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Decision() {
    }

    public Decision(CaseId caseId, Outcome outcome, List<String> actions, String legalBasis, String reasons,
                    String decidedBy, Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId.value();
        this.outcome = outcome;
        this.actions = String.join(",", actions);
        this.legalBasis = legalBasis;
        this.reasons = reasons;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return new CaseId(caseId);
    }

    public Outcome outcome() {
        return outcome;
    }

    public List<String> actions() {
        return actions.isEmpty() ? List.of() : Arrays.asList(actions.split(","));
    }

    public String legalBasis() {
        return legalBasis;
    }

    public String reasons() {
        return reasons;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
