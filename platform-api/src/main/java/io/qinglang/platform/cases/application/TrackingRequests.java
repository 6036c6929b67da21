package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.domain.InputErrors;

/** Request bodies of receipt tracking. The receipt code travels only in bodies, never in a URL. */
public final class TrackingRequests {

    private TrackingRequests() {
    }

    /** What a reporter asks with their receipt code on the portal's case page: to see it, add to it or appeal. */
    public sealed interface WithReceipt permits Lookup, AddInformation, Appeal {
        String receiptCode();

        /** Refuses what was typed wrong, before any work on the case. */
        default void validate() {
        }
    }

    /** Looks a case up, or downloads one of its files. */
    public record Lookup(String receiptCode) implements WithReceipt {
    }

    /** Adds a message (and, in a multipart request, files) to the case. */
    public record AddInformation(String receiptCode, String message) implements WithReceipt {

        @Override
        public void validate() {
            new InputErrors().text("/message", message, SubmitReport.MAX_DESCRIPTION).throwIfAny();
        }
    }

    /** Appeals a closed case within the tenant's appeal window, saying why. */
    public record Appeal(String receiptCode, String reasons) implements WithReceipt {

        @Override
        public void validate() {
            new InputErrors().text("/reasons", reasons, SubmitReport.MAX_DESCRIPTION).throwIfAny();
        }
    }
}
