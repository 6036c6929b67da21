package io.qinglang.platform.deadlines.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One exception to a tenant's weekly pattern: a public holiday, or a make-up working day (调休上班). */
@Entity
@Table(name = "calendar_days")
public class CalendarDay {

    @Id
    private LocalDate day;
    @Enumerated(EnumType.STRING)
    private DayKind kind;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;

    protected CalendarDay() {
    }

    public CalendarDay(CalendarException exception) {
        this.day = exception.date();
        this.kind = exception.kind();
        this.nameZh = exception.nameZh();
        this.nameEn = exception.nameEn();
    }

    public CalendarException exception() {
        return new CalendarException(day, kind, nameZh, nameEn);
    }
}
