package io.qinglang.platform.shared.domain;

/** A change that must name the version it was made against did not (RFC 6585, 428). */
public class PreconditionRequired extends DomainException {

    public PreconditionRequired(String message) {
        super("PRECONDITION_REQUIRED", Kind.PRECONDITION_REQUIRED, message);
    }
}
