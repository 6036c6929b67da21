package io.qinglang.platform.shared.domain;

/** Someone else changed the thing since the caller read it; the caller reloads and decides again. */
public class ConcurrentUpdate extends DomainException {

    /**
     * Refuses a change made from an outdated read: {@code expected} is the version the change was made from, 0 for
     * "this is new" (refused if someone created it meanwhile), {@code null} to overwrite whatever stands;
     * {@code current} is the stored version, {@code null} if there is none yet.
     */
    public static void check(String what, Long expected, Long current) {
        if (expected == null || expected == 0 && current == null) {
            return;
        }
        if (current == null || expected.longValue() != current) {
            throw new ConcurrentUpdate(what, expected, current == null ? 0 : current);
        }
    }

    public ConcurrentUpdate(String what, long expected, long current) {
        super("CONCURRENT_UPDATE", Kind.CONFLICT, "The " + what + " changed since you read it (you had version "
                + expected + ", it is now " + current + "); reload it and try again.");
    }
}
