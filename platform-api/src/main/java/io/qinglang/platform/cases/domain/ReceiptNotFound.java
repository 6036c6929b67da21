package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.NotFound;

/** No case answers to this receipt code here. Wrong codes and unknown tenants read exactly the same. */
public class ReceiptNotFound extends NotFound {

    public ReceiptNotFound() {
        super("RECEIPT_NOT_FOUND", "No case matches this receipt code.");
    }
}
