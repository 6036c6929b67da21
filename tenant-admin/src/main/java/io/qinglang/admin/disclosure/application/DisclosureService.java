package io.qinglang.admin.disclosure.application;

import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.disclosure.application.PublishedReports;
import io.qinglang.platform.disclosure.domain.DisclosureArchive;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.disclosure.domain.ReportEdition;
import io.qinglang.platform.disclosure.domain.StoredDocument;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.statistics.application.StatisticsService;
import io.qinglang.platform.statistics.domain.Period;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant admin's disclosure reports: asking for a new version of a closed period's report (made in the background,
 * its progress readable meanwhile), the list of every version, each file, and publishing a ready version on the
 * portal. Requests and publications are audited.
 */
@ApplicationScoped
public class DisclosureService {

    private final TenantTransactions transactions;
    private final TenantDirectory directory;
    private final StatisticsService statistics;
    private final DisclosureArchive archive;
    private final DisclosureWorker worker;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public DisclosureService(TenantTransactions transactions, TenantDirectory directory, StatisticsService statistics,
                             DisclosureArchive archive, DisclosureWorker worker, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.statistics = statistics;
        this.archive = archive;
        this.worker = worker;
        this.audit = audit;
        this.clock = clock;
    }

    /** A request for a report: the period, {@code 2026-10}, {@code 2026-Q3} or {@code 2026}. */
    public record RequestReport(String period) {
    }

    /**
     * Queues a new version of the period's report; refused unless the period is closed and statistics are published,
     * and while a version of the period is still being made (409).
     */
    public DisclosureReport request(String slug, RequestReport request, String actor) {
        Period period = statistics.closedPeriod(slug, request == null ? null : request.period(), "/period");
        Tenant tenant = directory.require(slug);
        DisclosureReport queued = transactions.inTenant(tenant.id(), () -> {
            DisclosureReport report = archive.request(period.toString(), actor, clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .orElseThrow(() -> new ReportInProgress(period.toString()));
            audit.recordStaffChange(tenant.id(), actor, "DISCLOSURE_REPORT_REQUESTED", "disclosure-report",
                    report.id().toString(), Map.of("period", report.period(), "version", report.version()));
            return report;
        });
        worker.wake();
        return queued;
    }

    public List<DisclosureReport> list(String slug) {
        Tenant tenant = directory.require(slug);
        return transactions.inTenant(tenant.id(), () -> archive.list(false));
    }

    public DisclosureReport get(String slug, String reportId) {
        Tenant tenant = directory.require(slug);
        UUID id = PublishedReports.parse(reportId);
        return transactions.inTenant(tenant.id(), () -> archive.find(id)).orElseThrow(PublishedReports::notFound);
    }

    public StoredDocument document(String slug, String reportId, String edition) {
        DisclosureReport report = get(slug, reportId);
        ReportEdition chosen = ReportEdition.of(edition).orElseThrow(PublishedReports::notFound);
        if (report.state() != DisclosureReport.State.READY) {
            throw new ReportNotReady(report);
        }
        Tenant tenant = directory.require(slug);
        return transactions.inTenant(tenant.id(), () -> archive.document(report.id(), chosen))
                .orElseThrow(PublishedReports::notFound);
    }

    /** Lists a ready version on the portal; publishing it again changes nothing. */
    public DisclosureReport publish(String slug, String reportId, String actor) {
        DisclosureReport report = get(slug, reportId);
        if (report.published()) {
            return report;
        }
        if (report.state() != DisclosureReport.State.READY) {
            throw new ReportNotReady(report);
        }
        Tenant tenant = directory.require(slug);
        return transactions.inTenant(tenant.id(), () -> {
            // of two admins publishing at once, one publishes and is audited; the other sees it published
            if (archive.publish(report.id(), clock.instant().truncatedTo(ChronoUnit.MICROS))) {
                audit.recordStaffChange(tenant.id(), actor, "DISCLOSURE_REPORT_PUBLISHED", "disclosure-report",
                        report.id().toString(), Map.of("period", report.period(), "version", report.version()));
            }
            return archive.find(report.id()).orElseThrow();
        });
    }
}
