package io.qinglang.admin.export.application;

import io.qinglang.platform.shared.domain.DomainException;

/** The export cannot be downloaded: it is still being made, failed or has expired. */
public class ExportNotReady extends DomainException {

    public ExportNotReady(TenantExport.State state) {
        super("EXPORT_NOT_READY", Kind.CONFLICT, "The export is " + state.name().toLowerCase(java.util.Locale.ROOT)
                + (state == TenantExport.State.EXPIRED ? "; ask for a new one." : "; download it once it is ready."));
    }
}
