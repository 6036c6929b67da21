package io.qinglang.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Receipt codes handed out by one side's intake, for that side's lookups; shared by the clients. */
final class Receipts {

    private final List<String> codes = new ArrayList<>();

    synchronized void add(String code) {
        codes.add(code);
    }

    /** The receipts cycled through by request index, so any number of lookups can use them. */
    synchronized String get(int index) {
        if (codes.isEmpty()) {
            throw new IllegalStateException("no receipts: the intake scenario handed out none");
        }
        return codes.get(index % codes.size());
    }

    synchronized int size() {
        return codes.size();
    }
}
