package io.qinglang.admin.export.application;

import io.qinglang.platform.shared.domain.DomainException;

/** An export of the body is still queued or being made: one at a time. */
public class ExportInProgress extends DomainException {

    public ExportInProgress() {
        super("EXPORT_IN_PROGRESS", Kind.CONFLICT, "An export of this body is already queued or being made; follow it, "
                + "and ask again once it is ready.");
    }
}
