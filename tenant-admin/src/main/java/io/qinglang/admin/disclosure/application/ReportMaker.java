package io.qinglang.admin.disclosure.application;

import io.qinglang.admin.disclosure.report.ReportCsv;
import io.qinglang.admin.disclosure.report.ReportInputs;
import io.qinglang.admin.disclosure.report.ReportLanguage;
import io.qinglang.admin.disclosure.report.ReportPdf;
import io.qinglang.platform.audit.application.AuditSequencer;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.disclosure.domain.ReportEdition;
import io.qinglang.platform.disclosure.domain.StoredDocument;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.statistics.application.StatisticsService;
import io.qinglang.platform.statistics.domain.PublishedStatistics;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import io.qinglang.platform.tenants.domain.TenantTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the files of one report version: reads the tenant's audit chain head, the period's published statistics once
 * (the portal's numbers and suppression) and what the tenant publishes of its configuration, then writes the Chinese
 * and English PDFs and the CSV, telling {@link Progress} before each step.
 */
@ApplicationScoped
public class ReportMaker {

    /** Told how far the work got; answers false when the work should stop (the report is no longer ours). */
    @FunctionalInterface
    public interface Progress {
        boolean at(int percent, String step);
    }

    /** The work stopped because the report was taken away (its lease ran out and another node has it). */
    public static final class Abandoned extends RuntimeException {
        Abandoned(String step) {
            super("report given up at " + step);
        }
    }

    private final StatisticsService statistics;
    private final PublicConfigurations publicConfigurations;
    private final TenantConfigurationRepository configuration;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final AuditSequencer sequencer;

    @Inject
    public ReportMaker(StatisticsService statistics, PublicConfigurations publicConfigurations,
                       TenantConfigurationRepository configuration, TenantTransactions transactions, AuditTrail audit,
                       AuditSequencer sequencer) {
        this.statistics = statistics;
        this.publicConfigurations = publicConfigurations;
        this.configuration = configuration;
        this.transactions = transactions;
        this.audit = audit;
        this.sequencer = sequencer;
    }

    /** The files of a report, and the audit chain head they were made at. */
    public record Made(List<StoredDocument> documents, ChainHead auditHead) {
    }

    public Made make(Tenant tenant, DisclosureReport report, Instant generatedAt, Progress progress) {
        step(progress, 5, "statistics");
        sequencer.sealNow(tenant.id()); // the head the report shows holds every event written before it was made
        ChainHead auditHead = audit.head(tenant.id());
        PublishedStatistics published = statistics.publish(tenant.slug(), report.period(), "/period");
        PublicConfiguration publicConfiguration = publicConfigurations.of(tenant.slug());
        byte[] logo = transactions.inTenant(tenant.id(), () -> configuration.disclosure().logo());
        ReportInputs inputs = new ReportInputs(published, publicConfiguration, logo,
                tenant.template() == TenantTemplate.EU_WHISTLEBLOWING, report.version(), generatedAt, tenant.zone(),
                auditHead);
        List<StoredDocument> documents = new ArrayList<>();
        int percent = 20;
        for (ReportLanguage language : ReportLanguage.values()) {
            step(progress, percent, "pdf " + language.languageTag());
            documents.add(document(tenant, report, language.edition(), ReportPdf.render(inputs, language)));
            percent += 35;
        }
        step(progress, 92, "csv");
        documents.add(document(tenant, report, ReportEdition.CSV, ReportCsv.render(inputs)));
        return new Made(documents, auditHead);
    }

    private static StoredDocument document(Tenant tenant, DisclosureReport report, ReportEdition edition, byte[] content) {
        return StoredDocument.of(edition, edition.fileName(tenant.slug(), report.period(), report.version()), content);
    }

    private static void step(Progress progress, int percent, String step) {
        if (!progress.at(percent, step)) {
            throw new Abandoned(step);
        }
    }
}
