package io.qinglang.admin.configuration.application;

import io.qinglang.admin.configuration.application.ConfigurationChange.ListedDay;
import io.qinglang.platform.deadlines.domain.ChinaCalendar;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarFilesTest {

    private static final Instant STAMP = Instant.parse("2026-12-02T08:00:00Z");

    private static List<ListedDay> shipped2026() {
        return ChinaCalendar.exceptions().stream().filter(e -> e.date().getYear() == 2026)
                .map(e -> new ListedDay(e.date(), e.kind().name(), e.nameZh(), e.nameEn())).toList();
    }

    @Test
    void theShipped2026CalendarRoundTripsThroughCsvAndIcs() {
        List<ListedDay> days = shipped2026();
        assertThat(days).hasSizeGreaterThan(30);
        assertThat(CalendarFiles.fromCsv(CalendarFiles.toCsv(days))).isEqualTo(days);
        assertThat(CalendarFiles.fromIcs(CalendarFiles.toIcs("中国 2026", days, STAMP))).isEqualTo(days);
    }

    @Test
    void icsLinesAreFoldedAt75OctetsWithoutSplittingACharacterAndTextIsEscaped() {
        ListedDay longName = new ListedDay(LocalDate.parse("2026-10-01"), "HOLIDAY", "国庆节，中华人民共和国成立纪念日；放假调休共八天".repeat(2),
                "National Day; Golden Week, with \"make-up\" days");
        String ics = CalendarFiles.toIcs("test", List.of(longName), STAMP);
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics).contains("National Day\\; Golden Week\\, with");
        assertThat(CalendarFiles.fromIcs(ics)).containsExactly(longName);
    }

    @Test
    void csvFieldsWithCommasQuotesAndLineBreaksAreQuoted() {
        ListedDay odd = new ListedDay(LocalDate.parse("2026-05-01"), "HOLIDAY", "劳动节, \"五一\"", "Labour Day\nMay Day");
        String csv = CalendarFiles.toCsv(List.of(odd));
        assertThat(csv).contains("\"劳动节, \"\"五一\"\"\"");
        assertThat(CalendarFiles.fromCsv(csv)).containsExactly(odd);
    }

    @Test
    void aMultiDayEventFromAnotherCalendarApplicationIsEachOfItsDaysAndItsKindIsInferred() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Other//EN",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270211", "DTEND;VALUE=DATE:20270214", "SUMMARY:春节 休", "END:VEVENT",
                "BEGIN:VEVENT", "DTSTART:20270207T000000", "SUMMARY:春节 补班", "END:VEVENT",
                "END:VCALENDAR", "");
        assertThat(CalendarFiles.fromIcs(ics)).containsExactly(
                new ListedDay(LocalDate.parse("2027-02-11"), "HOLIDAY", "春节 休", null),
                new ListedDay(LocalDate.parse("2027-02-12"), "HOLIDAY", "春节 休", null),
                new ListedDay(LocalDate.parse("2027-02-13"), "HOLIDAY", "春节 休", null),
                new ListedDay(LocalDate.parse("2027-02-07"), "WORKDAY", "春节 补班", null));
    }

    @Test
    void malformedFilesNameTheirBadLines() {
        assertThat(pointers(() -> CalendarFiles.fromCsv("day,type\n2026-01-01,HOLIDAY,元旦,New Year\n"))).containsExactly("/lines/1");
        assertThat(pointers(() -> CalendarFiles.fromCsv(CalendarFiles.CSV_HEADER + "\n2026-13-01,HOLIDAY,x,y\n2026-01-02,HOLIDAY\n")))
                .containsExactly("/lines/2", "/lines/3");
        assertThat(pointers(() -> CalendarFiles.fromCsv(CalendarFiles.CSV_HEADER + "\n2026-01-01,HOLIDAY,\"元旦,x\n")))
                .containsExactly("/lines/2");
        assertThat(pointers(() -> CalendarFiles.fromIcs("not a calendar"))).containsExactly("/lines/1");
        assertThat(pointers(() -> CalendarFiles.fromIcs("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-01-01\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260105\nDTEND;VALUE=DATE:20260101\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260105\nEND:VCALENDAR\n")))
                .containsExactly("/lines/3", "/lines/2", "/lines/5", "/lines/8", "/lines/12");
    }

    private static List<String> pointers(Runnable read) {
        try {
            read.run();
        } catch (InvalidInput e) {
            return e.errors().stream().map(FieldError::pointer).toList();
        }
        throw new AssertionError("no InvalidInput");
    }
}
