package io.qinglang.admin.disclosure.report;

import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.statistics.domain.PublishedStatistics;
import io.qinglang.platform.statistics.domain.StatisticsCsv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every figure of a report as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese
 * names): first exactly the lines of the statistics download for the period, then the EU transparency metrics where
 * they apply, the published deadlines and channels, and which body, version and time the report is and the body's
 * audit chain head at that time, in the same columns.
 */
public final class ReportCsv {

    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private ReportCsv() {
    }

    public static byte[] render(ReportInputs in) {
        PublishedStatistics s = in.statistics();
        List<String> lines = new ArrayList<>();
        if (in.dsaMetrics()) {
            dsa(s, lines);
        }
        PublicConfiguration c = in.configuration();
        for (PublicConfiguration.PublishedDeadline d : c.deadlines()) {
            String key = d.stage() + (d.category() == null ? "" : "/" + d.category())
                    + (d.severity() == null ? "" : "/" + d.severity());
            lines.add(StatisticsCsv.text(s, "deadlines", key, null, null, "length_" + d.unit().toLowerCase(Locale.ROOT),
                    Integer.toString(d.amount())));
            if (d.extensionAmount() != null) {
                lines.add(StatisticsCsv.text(s, "deadlines", key, null, null,
                        "extension_" + d.extensionUnit().toLowerCase(Locale.ROOT), Integer.toString(d.extensionAmount())));
            }
        }
        for (PublicConfiguration.PublicChannel ch : c.channels()) {
            lines.add(StatisticsCsv.text(s, "channels", ch.code(), ch.nameZh(), ch.nameEn(), "kind", ch.kind()));
        }
        // which body's report this is, and which version, so that the file says so without its name
        lines.add(StatisticsCsv.text(s, "report", "BODY", in.tenantName(ReportLanguage.ZH), in.tenantName(ReportLanguage.EN),
                "slug", s.tenant()));
        lines.add(StatisticsCsv.text(s, "report", "VERSION", null, null, "version", Integer.toString(in.version())));
        lines.add(StatisticsCsv.text(s, "report", "GENERATED", null, null, "generated_at", in.generatedAt().toString()));
        ChainHead head = in.auditHead();
        lines.add(StatisticsCsv.text(s, "report", "AUDIT_HEAD", null, null, "seq", Long.toString(head.seq())));
        lines.add(StatisticsCsv.text(s, "report", "AUDIT_HEAD", null, null, "hash", head.hash()));
        if (head.occurredAt() != null) {
            lines.add(StatisticsCsv.text(s, "report", "AUDIT_HEAD", null, null, "occurred_at", head.occurredAt().toString()));
        }
        lines.add(StatisticsCsv.text(s, "report", "AUDIT_HEAD", null, null, "as_of", head.asOf().toString()));
        String text = StatisticsCsv.of(s) + (lines.isEmpty() ? "" : String.join("\r\n", lines) + "\r\n");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + utf8.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(utf8, 0, out, BOM.length, utf8.length);
        return out;
    }

    private static void dsa(PublishedStatistics s, List<String> lines) {
        s.byCategory().forEach(l -> lines.add(StatisticsCsv.figure(s, "dsa_notices_by_category", l.key(), l.nameZh(),
                l.nameEn(), "count", l.figure())));
        s.timeliness().stream().filter(st -> st.stage().equals("DECIDE")).findFirst().ifPresent(st ->
                lines.add(StatisticsCsv.number(s, "dsa", "MEDIAN_TIME_TO_ACTION", "median_hours", st.medianHours())));
        s.appeals().stream().filter(l -> l.key().equals("APPEALED")).findFirst().ifPresent(l ->
                lines.add(StatisticsCsv.figure(s, "dsa", "COMPLAINTS_RECEIVED", null, null, "count", l.figure())));
        s.timeliness().stream().filter(st -> st.stage().equals("REVIEW")).findFirst().ifPresent(st -> {
            lines.add(StatisticsCsv.figure(s, "dsa", "COMPLAINT_DECISIONS", null, null, "count", st.completed()));
            lines.add(StatisticsCsv.number(s, "dsa", "MEDIAN_DECISION_TIME", "median_hours", st.medianHours()));
        });
        s.appeals().stream().filter(l -> l.key().equals("REVIEW_REVERSED")).findFirst().ifPresent(l ->
                lines.add(StatisticsCsv.figure(s, "dsa", "DECISIONS_REVERSED", null, null, "count", l.figure())));
    }
}
