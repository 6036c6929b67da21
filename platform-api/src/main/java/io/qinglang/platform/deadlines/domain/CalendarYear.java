package io.qinglang.platform.deadlines.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A year for which a tenant's calendar holds the official holidays. Deadlines falling in other years are
 * computed on weekdays only and flagged, rather than silently trusted.
 */
@Entity
@Table(name = "calendar_years")
public class CalendarYear {

    @Id
    private int year;
    private String source;

    protected CalendarYear() {
    }

    public CalendarYear(int year, String source) {
        this.year = year;
        this.source = source;
    }

    public int year() {
        return year;
    }

    public String source() {
        return source;
    }
}
