package io.qinglang.infra.dev;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plays the demo year's timetable ({@link DemoYear}) through the platform's services, moving the seeding clock to
 * each step's moment first, so every case, deadline, timeline entry, audit event and reward carries its own date.
 * A step the platform refuses is reported and the rest of that case's steps are left out.
 */
final class DemoHistory {

    private final SeedingClock clock;
    private final DemoDesk desk;
    private final ZoneId zone;
    private final Consumer<String> progress;

    DemoHistory(SeedingClock clock, DemoDesk desk, ZoneId zone, Consumer<String> progress) {
        this.clock = clock;
        this.desk = desk;
        this.zone = zone;
        this.progress = progress;
    }

    /** Plays the year from {@code first} to {@code now}; returns the reports, the steps taken and the steps refused. */
    DemoTenant.Seeded play(LocalDate first, Instant now) {
        long began = System.nanoTime();
        DemoYear year = new DemoYear(zone, now);
        List<DemoYear.Step> steps = year.plan(first);
        Set<DemoCase> broken = new HashSet<>();
        int taken = 0;
        YearMonth month = null;
        long week = 0;
        for (DemoYear.Step step : steps) {
            YearMonth at = YearMonth.from(step.at().atZone(zone));
            if (month != null && !at.equals(month) && at.getMonthValue() % 3 == 1) {
                progress.accept("demo: history written up to the end of " + month + " (" + taken + " steps, "
                        + (System.nanoTime() - began) / 1_000_000_000 + " s) …");
            }
            month = at;
            if (broken.contains(step.c())) {
                continue;
            }
            if (week != weekOf(step.at())) {
                desk.deliverMail(clock.instant());
                week = weekOf(step.at());
            }
            clock.advanceTo(step.at());
            try {
                step.run().accept(desk);
                taken++;
            } catch (RuntimeException refused) {
                if (broken.size() < 3) {
                    progress.accept("demo: a step of report " + step.c().number + " on " + step.at() + " was refused: "
                            + refused);
                }
                broken.add(step.c());
            }
        }
        desk.deliverMail(clock.instant());
        return new DemoTenant.Seeded(year.reports(), taken, broken.size());
    }

    private long weekOf(Instant t) {
        return t.atZone(zone).toLocalDate().toEpochDay() / 7;
    }

    /**
     * Statistics are kept by triggers that count a figure in the month the database's own time says it was
     * recorded — today, for a seeded past; the platform's recount (for repairs and bulk loads) counts each case's
     * history in its own months, by the same rules.
     */
    static void recountStatistics(Endpoints endpoints, String tenantId) {
        try (Connection owner = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.ownerUser(),
                endpoints.ownerPassword());
             PreparedStatement recount = owner.prepareStatement("select qinglang_statistics_recount(?::uuid)")) {
            recount.setString(1, tenantId);
            recount.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("recounting the demo body's statistics failed", e);
        }
    }
}
