package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.DomainException;

/** A handling step the case's present state or history does not allow, beyond the bare lifecycle moves. */
public class CaseRuleViolation extends DomainException {

    public CaseRuleViolation(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    public static CaseRuleViolation conflict(String code, String message) {
        return new CaseRuleViolation(code, Kind.CONFLICT, message);
    }

    public static CaseRuleViolation forbidden(String code, String message) {
        return new CaseRuleViolation(code, Kind.FORBIDDEN, message);
    }
}
