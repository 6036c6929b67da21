package io.qinglang.infra.dev;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's clock in dev mode: the system's UTC time, except while dev mode writes the demo body's year of
 * history, when the seeding sets the time each step happens at, so that the platform's own services date what they
 * write as they would have then. Only dev mode's launcher ({@link DevServer}) and the integration tests' platform
 * install it, in code, before the platform starts — no setting turns it on, and a server started by
 * {@code io.qinglang.infra.server.Main} produces the system clock. While a seeding runs the platform refuses requests
 * ({@link SeedingGate}) and its background jobs wait; a seeding happens once: after it the clock reads the system's
 * time for good and cannot be set again.
 */
public final class SeedingClock extends Clock {

    private static final AtomicReference<SeedingClock> INSTALLED = new AtomicReference<>();

    private enum Phase { SYSTEM, SEEDING, OVER }

    private volatile Phase phase = Phase.SYSTEM;
    private volatile Instant at;

    /** The process's clock is made by {@link #install()}; tests make their own. */
    SeedingClock() {
    }

    /** Installs the clock the platform will use (once per process; later calls return the same clock). */
    public static SeedingClock install() {
        INSTALLED.compareAndSet(null, new SeedingClock());
        return INSTALLED.get();
    }

    /** The clock dev mode installed, if this process is dev mode (or the tests' platform). */
    public static Optional<SeedingClock> installed() {
        return Optional.ofNullable(INSTALLED.get());
    }

    /** Whether a seeding is moving the platform's time now (requests are refused, jobs wait). */
    public static boolean seedingNow() {
        return installed().map(c -> c.phase == Phase.SEEDING).orElse(false);
    }

    /** Starts the one seeding this clock allows, at {@code start} (in the past). */
    public synchronized void begin(Instant start) {
        if (phase != Phase.SYSTEM) {
            throw new IllegalStateException("the clock was already lent to a seeding (" + phase + ")");
        }
        requireNotAhead(start);
        at = start;
        phase = Phase.SEEDING;
    }

    /** Moves the seeding's time forward to {@code next}; never backwards, never past the system's time. */
    public synchronized void advanceTo(Instant next) {
        if (phase != Phase.SEEDING) {
            throw new IllegalStateException("the clock is not lent to a seeding (" + phase + ")");
        }
        if (next.isBefore(at)) {
            throw new IllegalArgumentException("time runs forward: " + next + " is before " + at);
        }
        requireNotAhead(next);
        at = next;
    }

    /** Ends the seeding: from now on the clock reads the system's time, for good. */
    public synchronized void end() {
        phase = Phase.OVER;
        at = null;
    }

    private static void requireNotAhead(Instant t) {
        if (t.isAfter(Instant.now())) {
            throw new IllegalArgumentException("a seeding writes the past, not " + t);
        }
    }

    @Override
    public Instant instant() {
        Instant seeded = at;
        return phase == Phase.SEEDING && seeded != null ? seeded : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : new Zoned(this, zone);
    }

    /** The same instants seen in another zone (as {@code LocalDate.now(clock.withZone(...))} asks). */
    private static final class Zoned extends Clock {
        private final Clock base;
        private final ZoneId zone;

        Zoned(Clock base, ZoneId zone) {
            this.base = base;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return base.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Zoned(base, other);
        }
    }
}
