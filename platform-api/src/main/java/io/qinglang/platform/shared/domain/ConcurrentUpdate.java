package io.qinglang.platform.shared.domain;

/** Someone else changed the thing since the caller read it; the caller reloads and decides again. */
public class ConcurrentUpdate extends DomainException {

    public ConcurrentUpdate(String what, long expected, long current) {
        super("CONCURRENT_UPDATE", Kind.CONFLICT, "The " + what + " changed since you read it (you had version "
                + expected + ", it is now " + current + "); reload it and try again.");
    }
}
