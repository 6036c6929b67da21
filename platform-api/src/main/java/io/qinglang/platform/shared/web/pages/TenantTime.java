package io.qinglang.platform.shared.web.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as a reporter reads them: minutes in the tenant's time zone ({@code when.format(at)} in templates). */
public final class TenantTime {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public TenantTime(ZoneId zone) {
        this.zone = zone;
    }

    public String format(Instant at) {
        return at == null ? "" : WHEN.withZone(zone).format(at);
    }

    public String zone() {
        return zone.getId();
    }
}
