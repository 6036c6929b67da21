package io.qinglang.platform.disclosure.application;

import io.qinglang.platform.disclosure.domain.DisclosureArchive;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.disclosure.domain.ReportEdition;
import io.qinglang.platform.disclosure.domain.StoredDocument;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * The disclosure reports a tenant has published, for the portal and the public API: only ready, published reports
 * of an active tenant; anything else answers as if it did not exist.
 */
@ApplicationScoped
public class PublishedReports {

    private final TenantTransactions transactions;
    private final TenantDirectory directory;
    private final DisclosureArchive archive;

    @Inject
    public PublishedReports(TenantTransactions transactions, TenantDirectory directory, DisclosureArchive archive) {
        this.transactions = transactions;
        this.directory = directory;
        this.archive = archive;
    }

    public List<DisclosureReport> list(String slug) {
        Tenant tenant = active(slug);
        return transactions.inTenant(tenant.id(), () -> archive.list(true));
    }

    public StoredDocument document(String slug, String reportId, String edition) {
        Tenant tenant = active(slug);
        UUID id = parse(reportId);
        ReportEdition chosen = ReportEdition.of(edition).orElseThrow(PublishedReports::notFound);
        return transactions.inTenant(tenant.id(), () -> archive.find(id).filter(DisclosureReport::published)
                .flatMap(r -> archive.document(id, chosen))).orElseThrow(PublishedReports::notFound);
    }

    private Tenant active(String slug) {
        return directory.active(slug, PublishedReports::notFound);
    }

    /** A report id as given in a URL; anything that is not one names no report. */
    public static UUID parse(String reportId) {
        try {
            return UUID.fromString(reportId == null ? "" : reportId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    public static NotFound notFound() {
        return new NotFound("DISCLOSURE_REPORT_NOT_FOUND", "No such disclosure report.");
    }
}
