package io.qinglang.admin.disclosure.report;

import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.statistics.domain.Figure;
import io.qinglang.platform.statistics.domain.PublishedStatistics;
import io.qinglang.platform.statistics.domain.PublishedStatistics.Line;
import io.qinglang.platform.statistics.domain.StatisticsCsv;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPdfTest {

    @Test
    void everyFigureOfTheStatisticsIsPrintedAsThePortalShowsItInBothLanguages() throws IOException {
        PublishedStatistics s = ReportFixtures.statistics();
        for (ReportLanguage language : ReportLanguage.values()) {
            List<String> lines = lines(ReportPdf.render(ReportFixtures.inputs(false), language));
            boolean zh = language == ReportLanguage.ZH;
            for (Line l : s.summary()) {
                assertThat(lines).contains(row(zh ? label("measure." + l.key(), true) : label("measure." + l.key(), false), l.figure()));
            }
            for (Line l : s.byChannel()) {
                assertThat(lines).contains(row(name(l, zh), l.figure()));
            }
            for (Line l : s.byCategory()) {
                assertThat(lines).contains(row(name(l, zh), l.figure()));
            }
            for (Line l : s.byOutcome()) {
                assertThat(lines).contains(row("TOTAL".equals(l.key()) ? (zh ? "合计" : "Total") : label("outcome." + l.key(), zh), l.figure()));
            }
            for (PublishedStatistics.Stage st : s.timeliness()) {
                assertThat(lines).contains(ReportText.stageRow(label("stage." + st.stage(), zh), st.completed().shown(),
                        st.onTime().shown(), st.late().shown(), st.onTimeRate(), st.medianHours()));
            }
            for (Line l : s.appeals()) {
                assertThat(lines).contains(row(label("measure." + l.key(), zh), l.figure()));
            }
            assertThat(lines).contains("CNY 12 36000.00 CNY");
        }
    }

    @Test
    void theChineseEditionReadsInChineseWithTheHeadlineOfThe12377Release() throws IOException {
        // a paragraph wraps where the page ends: Chinese lines join without a space
        String text = String.join("", lines(ReportPdf.render(ReportFixtures.inputs(false), ReportLanguage.ZH)));
        assertThat(text).contains("投诉举报受理处置情况公开报告", "清朗示范", "2026年10月", "一、总体情况", "三、按举报类别",
                "2026年10月，清朗示范共接收举报 1234 件，环比下降 4.6%，同比上升 2.6%。",
                "其中，网上举报 900 件（环比上升 3%，同比上升 1.5%）；举报电话 × 件；信件 < 10 件。",
                "诈骗 <script>", "从受理到办结的中位用时：180 小时（约 7.5 天）。", "1 至 10 减 1 之间的数值显示为“< 10”");
        assertThat(text).doesNotContain("??", "\uFFFD");
    }

    @Test
    void theEnglishEditionReadsInEnglish() throws IOException {
        List<String> lines = lines(ReportPdf.render(ReportFixtures.inputs(false), ReportLanguage.EN));
        String text = String.join(" ", lines);
        assertThat(text).contains("Disclosure report on complaints and reports", "October 2026",
                "In October 2026, 清朗示范 received 1234 reports, down 4.6% on the previous period, up 2.6% on a year earlier.",
                "Fraud & scams");
        assertThat(lines).contains("Review < 10 < 10 < 10 — —");
        // the tenant has no English display name: its Chinese one stands in
        assertThat(text).doesNotContain("8. EU Digital Services Act");
    }

    @Test
    void theEuTemplateAddsTheTransparencyMetricsFromTheSameFigures() throws IOException {
        List<String> lines = lines(ReportPdf.render(ReportFixtures.inputs(true), ReportLanguage.EN));
        assertThat(lines).contains("8. EU Digital Services Act transparency metrics",
                "Median time to take a decision on a notice (hours) 96", "Internal complaints (appeals) received 25",
                "Decisions taken on complaints < 10", "Median time to decide a complaint (hours) —",
                "Decisions reversed on complaint < 10", "Rumours 700 — —");
    }

    @Test
    void aReportCarriesItsMetadataPageNumbersAndAnEmbeddedSubsetOfTheFont() throws IOException {
        byte[] pdf = ReportPdf.render(ReportFixtures.inputs(true), ReportLanguage.ZH);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("投诉举报受理处置情况公开报告 · 清朗示范 · 2026年10月");
            assertThat(info.getAuthor()).isEqualTo("清朗示范");
            assertThat(info.getSubject()).contains("2026年10月");
            assertThat(info.getKeywords()).contains("acme", "2026-10");
            assertThat(info.getCreationDate().toInstant()).isEqualTo("2026-11-01T01:05:00Z");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            assertThat(document.getDocumentCatalog().getMetadata()).isNotNull();
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            List<String> lines = lines(pdf);
            for (int p = 2; p <= pages; p++) {
                assertThat(lines).contains("清朗示范 · 2026年10月 第 " + p + " 页，共 " + pages + " 页");
            }
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
                }
            }
        }
        assertThat(pdf.length).as("a subset, not the 10 MB font").isLessThan(300_000);
    }

    @Test
    void theFontHasAGlyphForEveryTextOfTheReportInBothLanguages() throws IOException {
        for (String bundle : List.of("/io/qinglang/admin/disclosure/report_zh_CN.properties",
                "/io/qinglang/admin/disclosure/report_en.properties", "/io/qinglang/platform/labels_zh_CN.properties",
                "/io/qinglang/platform/labels_en.properties")) {
            Properties texts = new Properties();
            try (var in = new java.io.InputStreamReader(getClass().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                texts.load(in);
            }
            assertThat(texts).isNotEmpty();
            texts.values().forEach(v -> assertThat(ReportFonts.missingGlyphs((String) v)).as(bundle + ": " + v).isEmpty());
        }
        assertThat(ReportFonts.missingGlyphs("\uD83D\uDE00")).as("it can fail: an emoji is not in the font").isNotEmpty();
    }

    @Test
    void bothLanguagesHaveEveryTextOfTheReport() throws IOException {
        Properties zh = new Properties();
        Properties en = new Properties();
        try (var z = new java.io.InputStreamReader(getClass().getResourceAsStream("/io/qinglang/admin/disclosure/report_zh_CN.properties"), StandardCharsets.UTF_8);
             var e = new java.io.InputStreamReader(getClass().getResourceAsStream("/io/qinglang/admin/disclosure/report_en.properties"), StandardCharsets.UTF_8)) {
            zh.load(z);
            en.load(e);
        }
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    }

    @Test
    void aLargeThresholdIsWrittenAsTheCellsShowIt() throws IOException {
        PublishedStatistics s = ReportFixtures.statistics();
        PublishedStatistics bigK = new PublishedStatistics(s.tenant(), s.period(), s.type(), s.from(), s.to(), 1000,
                s.uniformLabels(), s.previousPeriod(), s.yearEarlierPeriod(), s.summary(), s.byChannel(), s.byCategory(),
                s.byOutcome(), s.timeliness(), null, s.appeals(), s.rewards());
        ReportInputs in = ReportFixtures.inputs(false);
        String text = String.join(" ", lines(ReportPdf.render(new ReportInputs(bigK, in.configuration(), null, false, 1,
                in.generatedAt(), in.zone(), in.auditHead()), ReportLanguage.EN)));
        assertThat(text).contains("shown as \"< 1000\"", "fewer than 1000 cases").doesNotContain("1,000");
    }

    @Test
    void bothEditionsPrintTheAuditChainHeadTheReportWasMadeAtAndHowToCheckIt() throws IOException {
        String hash = ReportFixtures.HEAD.hash();
        List<String> zh = lines(ReportPdf.render(ReportFixtures.inputs(false), ReportLanguage.ZH));
        assertThat(zh).contains("审计记录链头", "序号 4321", "哈希值（SHA-256） " + hash,
                "该条记录时间 2026-11-01 09:04 (Asia/Shanghai)", "读取时间 2026-11-01 09:05 (Asia/Shanghai)");
        assertThat(String.join("", zh)).contains("/api/v1/tenants/acme/audit-head?seq=4321 查询第 4321 条记录现存的哈希值");
        List<String> en = lines(ReportPdf.render(ReportFixtures.inputs(false), ReportLanguage.EN));
        assertThat(en).contains("Audit trail chain head", "Number 4321", "Hash (SHA-256) " + hash,
                "Time of that record 2026-11-01 09:04 (Asia/Shanghai)", "Read at 2026-11-01 09:05 (Asia/Shanghai)");
        assertThat(String.join(" ", en)).contains("/api/v1/tenants/acme/audit-head?seq=4321 for the hash now stored for record 4321");
    }

    @Test
    void aReportOfABodyWithoutAuditEventsSaysSoInsteadOfHowToCheck() throws IOException {
        ReportInputs in = ReportFixtures.inputs(false);
        ReportInputs empty = new ReportInputs(in.statistics(), in.configuration(), null, false, 1, in.generatedAt(),
                in.zone(), new ChainHead(0, "0".repeat(64), null, in.generatedAt()));
        List<String> lines = lines(ReportPdf.render(empty, ReportLanguage.EN));
        assertThat(lines).contains("Number 0", "Hash (SHA-256) " + "0".repeat(64), "Time of that record —");
        assertThat(String.join(" ", lines)).contains("held no record yet").doesNotContain("audit-head?seq=");
        assertThat(new String(ReportCsv.render(empty), StandardCharsets.UTF_8))
                .contains("2026-10,report,AUDIT_HEAD,,,seq,0,0,,,\r\n").doesNotContain("occurred_at");
    }

    @Test
    void theCsvHoldsTheStatisticsDownloadThenTheMetricsDeadlinesAndChannels() {
        String csv = new String(ReportCsv.render(ReportFixtures.inputs(true)), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF" + StatisticsCsv.of(ReportFixtures.statistics()));
        assertThat(csv).contains("2026-10,dsa,COMPLAINTS_RECEIVED,,,count,25,25,,,\r\n",
                "2026-10,dsa,DECISIONS_REVERSED,,,count,,< 10,SMALL,,\r\n",
                "2026-10,dsa,MEDIAN_TIME_TO_ACTION,,,median_hours,96,96,,,\r\n",
                "2026-10,deadlines,DECIDE/RUMOUR,,,length_working_days,10,10,,,\r\n",
                "2026-10,deadlines,DECIDE/RUMOUR,,,extension_working_days,10,10,,,\r\n",
                "2026-10,channels,HOTLINE,举报电话,Hotline,kind,HOTLINE,HOTLINE,,,\r\n",
                "2026-10,report,BODY,清朗示范,清朗示范,slug,acme,acme,,,\r\n", "2026-10,report,VERSION,,,version,2,2,,,\r\n",
                "2026-10,report,GENERATED,,,generated_at,2026-11-01T01:05:00Z,2026-11-01T01:05:00Z,,,\r\n",
                "2026-10,report,AUDIT_HEAD,,,seq,4321,4321,,,\r\n",
                "2026-10,report,AUDIT_HEAD,,,hash," + ReportFixtures.HEAD.hash() + "," + ReportFixtures.HEAD.hash() + ",,,\r\n",
                "2026-10,report,AUDIT_HEAD,,,occurred_at,2026-11-01T01:04:59.123456Z,2026-11-01T01:04:59.123456Z,,,\r\n",
                "2026-10,report,AUDIT_HEAD,,,as_of,2026-11-01T01:05:00.000100Z,2026-11-01T01:05:00.000100Z,,,\r\n");
        assertThat(new String(ReportCsv.render(ReportFixtures.inputs(false)), StandardCharsets.UTF_8)).doesNotContain(",dsa");
    }

    private static List<String> lines(byte[] pdf) throws IOException {
        return ReportText.lines(pdf);
    }

    private static String row(String label, Figure f) {
        return ReportText.row(label, f.shown(), f.changeOnPrevious(), f.changeOnYearEarlier());
    }

    private static String name(Line l, boolean zh) {
        return "TOTAL".equals(l.key()) ? (zh ? "合计" : "Total") : zh ? l.nameZh() : l.nameEn();
    }

    private static String label(String key, boolean zh) {
        return ReportText.label(key, zh);
    }
}
