package io.qinglang.platform.deadlines.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The mainland China working calendar the product ships with: the State Council's holiday
 * arrangements for 2025 and 2026, one row per day off or make-up working day.
 *
 * <p>The rows live in {@code cn-calendar-2025-2026.csv} next to this class rather than in code, so
 * that onboarding can copy them into a new tenant's own, editable calendar.
 */
public final class ChinaCalendar {

    private static final String RESOURCE = "cn-calendar-2025-2026.csv";
    private static final String HEADER = "date,kind,name_zh,name_en";
    private static final Set<Integer> YEARS = Set.of(2025, 2026);
    private static final List<CalendarException> EXCEPTIONS = load();

    private ChinaCalendar() {
    }

    /** Every listed day off and make-up working day, in date order. */
    public static List<CalendarException> exceptions() {
        return EXCEPTIONS;
    }

    /** The years the list is complete for. */
    public static Set<Integer> years() {
        return YEARS;
    }

    /** The calendar counted in {@code zone}, usually Asia/Shanghai. */
    public static WorkingCalendar calendar(ZoneId zone) {
        return WorkingCalendar.of(zone, EXCEPTIONS, YEARS);
    }

    private static List<CalendarException> load() {
        try (InputStream in = ChinaCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static List<CalendarException> parse(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalStateException(RESOURCE + " does not start with " + HEADER);
        }
        return reader.lines().filter(line -> !line.isBlank()).map(ChinaCalendar::row).toList();
    }

    private static CalendarException row(String line) {
        String[] columns = line.split(",", -1);
        if (columns.length != 4) {
            throw new IllegalStateException("Malformed row in " + RESOURCE + ": " + line);
        }
        return new CalendarException(
                LocalDate.parse(columns[0].strip()),
                DayKind.valueOf(columns[1].strip()),
                columns[2].strip(),
                columns[3].strip());
    }
}
