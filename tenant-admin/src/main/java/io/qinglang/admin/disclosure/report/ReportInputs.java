package io.qinglang.admin.disclosure.report;

import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.statistics.domain.Period;
import io.qinglang.platform.statistics.domain.PublishedStatistics;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Everything one report version is made of, read once: the published statistics of the period (the portal's
 * numbers, suppression included), what the tenant publishes of its configuration, its logo, whether the EU
 * transparency metrics apply, when and as which version it is made, and the tenant's audit chain head at that time.
 */
public record ReportInputs(PublishedStatistics statistics, PublicConfiguration configuration, byte[] logo,
                           boolean dsaMetrics, int version, Instant generatedAt, ZoneId zone, ChainHead auditHead) {

    public ReportInputs {
        logo = logo == null ? null : logo.clone();
    }

    public Period period() {
        return Period.parse(statistics.period(), "/period");
    }

    /** The tenant's name as it presents itself: its display name, or its registered name. */
    public String tenantName(ReportLanguage language) {
        PublicConfiguration c = configuration;
        String display = language.named(c.displayNameZh(), c.displayNameEn());
        return display == null || display.isBlank() ? language.named(c.nameZh(), c.nameEn()) : display;
    }

    @Override
    public byte[] logo() {
        return logo == null ? null : logo.clone();
    }
}
