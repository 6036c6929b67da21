package io.qinglang.platform.deadlines.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day on which a working calendar departs from its weekly pattern. Named in both languages
 * because tenants' staff and the EU-facing channel read the same calendar.
 */
public record CalendarException(LocalDate date, DayKind kind, String nameZh, String nameEn) {

    public CalendarException {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
