package io.qinglang.admin.configuration.application;

import io.qinglang.admin.configuration.application.ConfigurationChange.ListedDay;
import io.qinglang.platform.shared.domain.InputErrors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A calendar year's listed days as files other tools read and write: CSV ({@code date,kind,name_zh,name_en},
 * RFC 4180, the same columns as the calendar the product ships) and iCalendar (RFC 5545, one all-day event per
 * day, so any calendar application shows them). Reading refuses a malformed file with every bad line named as
 * {@code /lines/N} (1-based); whether the days make a valid year is then the calendar's own check.
 */
public final class CalendarFiles {

    public static final String CSV_HEADER = "date,kind,name_zh,name_en";
    static final String KIND_PROPERTY = "X-QINGLANG-KIND";
    static final String NAME_EN_PROPERTY = "X-QINGLANG-NAME-EN";
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_RAW_LINES = 100_000;
    /** A year has at most 366 days; a file listing more is not one year's calendar. */
    private static final int MAX_DAYS = 366;
    /** A file so broken that this many lines are wrong is named by its first ones only. */
    private static final int MAX_ERRORS = 50;

    private CalendarFiles() {
    }

    // CSV

    public static String toCsv(List<ListedDay> days) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (ListedDay d : days) {
            out.append(d.date()).append(',').append(d.kind()).append(',').append(csvField(d.nameZh())).append(',')
                    .append(csvField(d.nameEn())).append("\r\n");
        }
        return out.toString();
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** Reads the CSV a tenant admin uploads: the header, then one row per listed day. */
    public static List<ListedDay> fromCsv(String text) {
        InputErrors errors = new InputErrors();
        List<List<String>> rows = csvRows(text, errors);
        errors.throwIfAny();
        if (rows.isEmpty() || !String.join(",", rows.getFirst()).strip().replace("\uFEFF", "").equalsIgnoreCase(CSV_HEADER)) {
            errors.add("/lines/1", "must be the header " + CSV_HEADER).throwIfAny();
        }
        List<ListedDay> days = new ArrayList<>();
        if (rows.size() > MAX_DAYS + 1 + 100) {
            errors.add("/lines", "lists more than " + MAX_DAYS + " days: not one year's calendar").throwIfAny();
        }
        for (int i = 1; i < rows.size() && errors.size() < MAX_ERRORS; i++) {
            List<String> row = rows.get(i);
            String at = "/lines/" + (i + 1);
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (row.size() != 4) {
                errors.add(at, "must have 4 columns (" + CSV_HEADER + "), not " + row.size());
                continue;
            }
            LocalDate date = date(row.get(0).strip(), DateTimeFormatter.ISO_LOCAL_DATE, at, errors);
            days.add(new ListedDay(date, row.get(1).strip().toUpperCase(Locale.ROOT), blankToNull(row.get(2)),
                    blankToNull(row.get(3))));
        }
        errors.throwIfAny();
        return days;
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> csvRows(String text, InputErrors errors) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            errors.add("/lines/" + rowStart, "has a quoted field that is never closed");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    // iCalendar

    /** The year's days as an iCalendar file; {@code stamp} is when it was exported (DTSTAMP). */
    public static String toIcs(String calendarName, List<ListedDay> days, Instant stamp) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//Qinglang//Working calendar//ZH");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:PUBLISH");
        lines.add("X-WR-CALNAME:" + escape(calendarName));
        for (ListedDay d : days) {
            lines.add("BEGIN:VEVENT");
            lines.add("UID:" + d.date().format(BASIC_DATE) + "-" + d.kind().toLowerCase(Locale.ROOT) + "@calendar.qinglang");
            lines.add("DTSTAMP:" + STAMP.format(stamp));
            lines.add("DTSTART;VALUE=DATE:" + d.date().format(BASIC_DATE));
            lines.add("DTEND;VALUE=DATE:" + d.date().plusDays(1).format(BASIC_DATE));
            lines.add("SUMMARY:" + escape(summary(d)));
            lines.add("CATEGORIES:" + d.kind());
            lines.add(KIND_PROPERTY + ":" + d.kind());
            if (d.nameEn() != null) {
                lines.add(NAME_EN_PROPERTY + ":" + escape(d.nameEn()));
            }
            lines.add("TRANSP:" + ("HOLIDAY".equals(d.kind()) ? "TRANSPARENT" : "OPAQUE"));
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(fold(l)).append("\r\n"));
        return out.toString();
    }

    private static String summary(ListedDay d) {
        String name = d.nameZh() != null ? d.nameZh() : d.nameEn() != null ? d.nameEn() : "";
        return name.isEmpty() ? ("HOLIDAY".equals(d.kind()) ? "休" : "班") : name;
    }

    /**
     * Reads an iCalendar file: every all-day VEVENT is a listed day, a multi-day event is each of its days. The
     * kind comes from {@code X-QINGLANG-KIND} or {@code CATEGORIES} (HOLIDAY or WORKDAY); failing both, a summary
     * marked 班 / 补班 / 上班 is a make-up working day and any other event a holiday.
     */
    public static List<ListedDay> fromIcs(String text) {
        InputErrors errors = new InputErrors();
        List<String[]> lines = unfold(text);
        if (lines.isEmpty() || !lines.getFirst()[1].strip().equalsIgnoreCase("BEGIN:VCALENDAR")) {
            errors.add("/lines/1", "must be BEGIN:VCALENDAR: this is not an iCalendar file").throwIfAny();
        }
        List<ListedDay> days = new ArrayList<>();
        Event event = null;
        for (String[] numbered : lines) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            String at = "/lines/" + numbered[0];
            String line = numbered[1];
            int colon = line.indexOf(':');
            if (colon < 0) {
                if (!line.isBlank()) {
                    errors.add(at, "is not a property (NAME:value)");
                }
                continue;
            }
            String head = line.substring(0, colon);
            String name = head.split(";", 2)[0].toUpperCase(Locale.ROOT);
            String value = line.substring(colon + 1);
            if (name.equals("BEGIN") && value.equalsIgnoreCase("VEVENT")) {
                event = new Event(at);
            } else if (name.equals("END") && value.equalsIgnoreCase("VEVENT") && event != null) {
                event.addDays(days, errors);
                event = null;
            } else if (event != null) {
                switch (name) {
                    case "DTSTART" -> event.start = date(dateValue(value), BASIC_DATE, at, errors);
                    case "DTEND" -> event.end = date(dateValue(value), BASIC_DATE, at, errors);
                    case "SUMMARY" -> event.summary = unescape(value);
                    case "CATEGORIES" -> event.categories = unescape(value).toUpperCase(Locale.ROOT);
                    case KIND_PROPERTY -> event.kind = value.strip().toUpperCase(Locale.ROOT);
                    case NAME_EN_PROPERTY -> event.nameEn = unescape(value);
                    default -> { }
                }
            }
        }
        if (event != null) {
            errors.add(event.at, "opens an event that is never closed (END:VEVENT)");
        }
        errors.throwIfAny();
        return days;
    }

    /** One VEVENT while it is read. */
    private static final class Event {
        final String at;
        LocalDate start;
        LocalDate end;
        String summary;
        String categories;
        String kind;
        String nameEn;

        Event(String at) {
            this.at = at;
        }

        void addDays(List<ListedDay> days, InputErrors errors) {
            if (start == null) {
                errors.add(at, "is an event without a DTSTART date");
                return;
            }
            LocalDate until = end == null ? start.plusDays(1) : end;
            if (!until.isAfter(start) || until.isAfter(start.plusDays(31))) {
                errors.add(at, "is an event whose DTEND is not 1 to 31 days after its DTSTART");
                return;
            }
            String k = kind();
            String nameZh = summary == null || summary.isBlank() ? null : summary.strip();
            for (LocalDate d = start; d.isBefore(until); d = d.plusDays(1)) {
                if (days.size() >= MAX_DAYS) {
                    errors.add("/lines", "lists more than " + MAX_DAYS + " days: not one year's calendar").throwIfAny();
                }
                days.add(new ListedDay(d, k, nameZh, blankToNull(nameEn)));
            }
        }

        private String kind() {
            if (kind != null) {
                return kind;
            }
            if (categories != null) {
                for (String c : categories.split(",")) {
                    if (c.strip().equals("HOLIDAY") || c.strip().equals("WORKDAY")) {
                        return c.strip();
                    }
                }
            }
            String s = summary == null ? "" : summary.strip();
            return s.endsWith("班") || s.contains("补班") || s.contains("上班") ? "WORKDAY" : "HOLIDAY";
        }
    }

    /** A DATE value; a DATE-TIME's date part is taken, since listed days are whole days. */
    private static String dateValue(String value) {
        String v = value.strip();
        return v.length() >= 8 ? v.substring(0, 8) : v;
    }

    /** Joins folded lines (a line starting with a space or tab continues the one before), keeping line numbers. */
    private static List<String[]> unfold(String text) {
        String[] raw = text.replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        if (raw.length > MAX_RAW_LINES) {
            new InputErrors().add("/lines", "must hold at most " + MAX_RAW_LINES + " lines").throwIfAny();
        }
        List<String[]> lines = new ArrayList<>();
        StringBuilder current = null;
        String number = null;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (current != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                current.append(line, 1, line.length());
            } else if (!line.isEmpty()) {
                if (current != null) {
                    lines.add(new String[]{number, current.toString()});
                }
                current = new StringBuilder(line);
                number = Integer.toString(i + 1);
            }
        }
        if (current != null) {
            lines.add(new String[]{number, current.toString()});
        }
        return lines;
    }

    /** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
    static String fold(String line) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static LocalDate date(String text, DateTimeFormatter format, String at, InputErrors errors) {
        try {
            return LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
            errors.add(at, "has a date that is not a valid " + (format == BASIC_DATE ? "YYYYMMDD" : "YYYY-MM-DD")
                    + " date: " + (text.length() > 20 ? text.substring(0, 20) + "…" : text));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
