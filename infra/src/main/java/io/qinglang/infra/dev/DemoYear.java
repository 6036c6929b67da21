package io.qinglang.infra.dev;

import io.qinglang.platform.cases.application.CaseCommand;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The demo body's year as a timetable of steps: reports arriving on every day (fewer at weekends, over the Spring
 * Festival and the National Day week, more in summer, slowly growing), across categories and channels, and what then
 * happens to each — triage (accepted, rejected, transferred, merged into an earlier report of the same thing), a
 * question to the reporter, a supervisor's flag, an extension, the decision (on time, or late), closing, an appeal
 * upheld or reversed, a reward proposed, approved, claimed and paid. Staff work on weekdays in office hours,
 * reporters whenever they like. Random, but the same every time (a fixed seed). Steps after {@code now} are left
 * out, so the latest reports are still open for the demo's handler.
 */
final class DemoYear {

    /** One step: at this moment, on this case, this. */
    record Step(Instant at, DemoCase c, Consumer<DemoDesk> run) {
    }

    private static final String[] CATEGORIES = {"rumours", "fraud", "obscenity", "gambling", "defamation", "privacy",
            "harassment", "other", "subversion", "violence-terror", "minors", "self-harm"};
    private static final int[] CATEGORY_WEIGHTS = {20, 22, 14, 12, 8, 7, 6, 5, 2, 2, 2, 1};
    private static final String[] CHANNELS = {"web", "app", "hotline", "email", "post"};
    private static final int[] CHANNEL_WEIGHTS = {45, 25, 12, 10, 8};
    /** Reports on an ordinary weekday; with the year's factors about 300 reports in all. */
    private static final double DAILY = 0.95;

    private final Random random = new Random(12377);
    private final ZoneId zone;
    private final Instant now;
    private final List<Step> steps = new ArrayList<>();
    private final List<DemoCase> cases = new ArrayList<>();
    private final DemoLifecycle lifecycle;

    DemoYear(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
        this.lifecycle = new DemoLifecycle(this, random);
    }

    /** The year's steps from {@code first} to today, in time order; each case's steps in its own order. */
    List<Step> plan(LocalDate first) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            int arriving = poisson(DAILY * weekday(day) * season(day, first) * holiday(day));
            for (int i = 0; i < arriving; i++) {
                DemoCase c = new DemoCase(cases.size() + 1, arrival(day), pick(CHANNELS, CHANNEL_WEIGHTS),
                        pick(CATEGORIES, CATEGORY_WEIGHTS));
                cases.add(c);
                lifecycle.follow(c);
            }
        }
        List<Step> due = new ArrayList<>(steps.stream().filter(s -> s.at().isBefore(now)).toList());
        due.sort(Comparator.comparing(Step::at)); // stable: a case's steps at one moment keep their order
        return due;
    }

    /** Reports accepted 15 to 24 days ago are still undecided today, past their ten working days. */
    boolean leftOverdue(Instant accepted) {
        return recent(accepted, 24) && !recent(accepted, 15);
    }

    /** Whether {@code t} is within the last {@code days} days. */
    boolean recent(Instant t, int days) {
        return t.isAfter(now.minusSeconds(days * 86_400L));
    }

    int reports() {
        return cases.size();
    }

    void add(Instant at, DemoCase c, Consumer<DemoDesk> run) {
        steps.add(new Step(at, c, run));
    }

    /** Duplicates are merged into an accepted report of the same category received in the last fortnight. */
    DemoCase leadFor(DemoCase duplicate) {
        return cases.stream().filter(c -> c != duplicate && c.category.equals(duplicate.category)
                        && lifecycle.mayLead(c) && c.receivedAt.isAfter(duplicate.receivedAt.minusSeconds(14 * 86_400L)))
                .findFirst().orElse(null);
    }

    /** A moment after {@code from}, between {@code min} and {@code max} days on, moved into office hours on a weekday. */
    Instant office(Instant from, double min, double max) {
        ZonedDateTime t = from.plusSeconds((long) ((min + random.nextDouble() * (max - min)) * 86_400)).atZone(zone);
        while (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY
                || t.getHour() < 9 || t.getHour() >= 18) {
            t = t.getHour() >= 18 || t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY
                    ? t.plusDays(1).withHour(9).withMinute(random.nextInt(60))
                    : t.withHour(9 + random.nextInt(3)).withMinute(random.nextInt(60));
        }
        Instant at = t.toInstant();
        return at.isAfter(from) ? at : from.plusSeconds(600);
    }

    /** {@code days} weekdays after {@code from}, in office hours. */
    Instant workingDays(Instant from, int days) {
        ZonedDateTime t = from.atZone(zone);
        for (int left = days; left > 0; ) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return office(t.toInstant(), 0, 0.1);
    }

    /** A reporter's moment: between {@code min} and {@code max} days on, any hour from 8 to 23. */
    Instant reporter(Instant from, double min, double max) {
        ZonedDateTime t = from.plusSeconds((long) ((min + random.nextDouble() * (max - min)) * 86_400)).atZone(zone);
        return t.getHour() < 8 ? t.withHour(8 + random.nextInt(14)).toInstant() : t.toInstant();
    }

    CaseCommand.Decide decision() {
        int roll = random.nextInt(100);
        String outcome = roll < 45 ? "SUBSTANTIATED" : roll < 65 ? "PARTLY_SUBSTANTIATED" : roll < 95 ? "UNSUBSTANTIATED"
                : "MALICIOUS";
        List<String> actions = switch (outcome) {
            case "SUBSTANTIATED" -> List.of(random.nextBoolean() ? "CONTENT_REMOVED" : "ACCOUNT_RESTRICTED");
            case "PARTLY_SUBSTANTIATED" -> List.of("WARNING_ISSUED");
            default -> List.of("NO_ACTION");
        };
        return new CaseCommand.Decide(outcome, actions, "《网络信息内容生态治理规定》第六条、第七条",
                outcome.startsWith("UN") || outcome.equals("MALICIOUS")
                        ? "经核查，未发现所举报的违法和不良信息。/ On checking, the content reported was not found to break the rules."
                        : "经核查，举报内容属实，已依法处置。/ On checking, the report was substantiated and the content dealt with.");
    }

    private Instant arrival(LocalDate day) {
        int hour = 7 + random.nextInt(17);
        return day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(zone).toInstant();
    }

    private static double weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> 0.6;
            case SUNDAY -> 0.5;
            case MONDAY -> 1.15;
            default -> 1.0;
        };
    }

    /** More in summer, fewer in winter, and a body that becomes better known as the year goes on. */
    private static double season(LocalDate day, LocalDate first) {
        double summer = 1 + 0.25 * Math.sin(2 * Math.PI * (day.getDayOfYear() - 100) / 365.0);
        double known = 0.8 + 0.4 * (day.toEpochDay() - first.toEpochDay()) / 365.0;
        return summer * known;
    }

    /** The Spring Festival (around 17 February 2026) and the National Day week are quiet. */
    private static double holiday(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        boolean springFestival = !md.isBefore(MonthDay.of(2, 14)) && !md.isAfter(MonthDay.of(2, 23));
        boolean nationalDay = !md.isBefore(MonthDay.of(10, 1)) && !md.isAfter(MonthDay.of(10, 7));
        return springFestival ? 0.35 : nationalDay ? 0.5 : 1.0;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private String pick(String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
