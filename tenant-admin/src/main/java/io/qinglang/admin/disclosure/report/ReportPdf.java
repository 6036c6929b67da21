package io.qinglang.admin.disclosure.report;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import io.qinglang.admin.configuration.application.Logo;
import io.qinglang.admin.disclosure.report.ReportLayout.Bar;
import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.statistics.domain.Figure;
import io.qinglang.platform.statistics.domain.PublishedStatistics.Line;
import io.qinglang.platform.statistics.domain.PublishedStatistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A disclosure report as a PDF in one language (OpenPDF): a cover with the tenant's name and logo, the period, the
 * version and when it was made; a summary worded as the national 12377 monthly release (total received with the
 * change on the previous period and on a year earlier, then each channel); tables and bar charts by channel, category
 * and outcome; timeliness per stage; appeals; rewards paid; the EU transparency metrics where they apply; the
 * tenant's published channels and deadlines; its audit chain head when the report was made, with how to check it
 * later; notes on what is hidden. Every number is a {@link Figure} of the published statistics, printed as the
 * portal shows it ({@link Figure#shown()}), so the two cannot differ.
 */
public final class ReportPdf {

    private static final Logger LOG = Logger.getLogger(ReportPdf.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportInputs in;
    private final ReportLanguage t;
    private final PublishedStatistics s;
    private final String name;
    private final String period;
    private ReportLayout page;

    private ReportPdf(ReportInputs in, ReportLanguage language) {
        this.in = in;
        this.t = language;
        this.s = in.statistics();
        this.name = in.tenantName(language);
        this.period = language.period(in.period());
    }

    public static byte[] render(ReportInputs inputs, ReportLanguage language) {
        return new ReportPdf(inputs, language).render();
    }

    private byte[] render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 60, 64);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setPageEvent(new ReportLayout.Footer(t, t.text("report.footer", name, period)));
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(t.languageTag()));
        document.addTitle(t.text("report.title") + " · " + name + " · " + period);
        document.addSubject(t.text("metadata.subject", name, period));
        document.addKeywords(t.text("metadata.keywords") + ", " + s.tenant() + ", " + s.period());
        document.addAuthor(name);
        document.addCreator("Qinglang 清朗");
        GregorianCalendar generated = GregorianCalendar.from(in.generatedAt().atZone(in.zone()));
        document.open();
        page = new ReportLayout(document, writer);
        cover(document);
        summary();
        counts("section.byChannel", s.byChannel(), this::named);
        counts("section.byCategory", s.byCategory(), this::named);
        counts("section.byOutcome", s.byOutcome(), l -> "TOTAL".equals(l.key()) ? t.text("total") : t.text("outcome." + l.key()));
        timeliness();
        measures("section.appeals", s.appeals());
        rewards();
        if (in.dsaMetrics()) {
            dsa();
        }
        commitments();
        auditHead();
        notes();
        warnOfMissingGlyphs();
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(generated));
        writer.createXmpMetadata();
        document.close();
        return out.toByteArray();
    }

    private void cover(Document document) {
        byte[] logo = in.logo();
        if (logo != null && !Logo.withinLimits(logo)) {
            LOG.warning("The tenant's logo is not an image of at most " + Logo.MAX_SIDE + " pixels a side and is left "
                    + "off the report's cover");
        } else if (logo != null) {
            try {
                Image image = Image.getInstance(logo);
                image.scaleToFit(180, 90);
                document.add(image);
            } catch (IOException | RuntimeException e) {
                // a logo is checked by its first bytes only: one the PDF library cannot read is left off the cover,
                // rather than leaving the report unmade
                LOG.warning("The tenant's logo could not be read and is left off the report's cover: " + e);
            }
        }
        Paragraph spacer = new Paragraph(" ", page.body);
        spacer.setSpacingBefore(logo == null ? 120 : 60);
        page.add(spacer);
        page.paragraph(t.text("report.title"), page.title);
        page.paragraph(name, new Font(ReportFonts.bold(), 16, Font.NORMAL, ReportLayout.ACCENT));
        page.paragraph(period, new Font(ReportFonts.regular(), 14, Font.NORMAL, ReportLayout.INK));
        page.add(new Paragraph(" ", page.body));
        page.table(new float[]{30, 70}, List.of(t.text("column.item"), t.text("column.value")), List.of(
                List.of(t.text("report.period"), period + " (" + s.from() + " – " + s.to() + ")"),
                List.of(t.text("report.version"), Integer.toString(in.version())),
                List.of(t.text("report.generated"), when(in.generatedAt())),
                List.of(t.text("report.threshold"), "k = " + s.threshold())), false);
        page.paragraph(t.text("report.subtitle"), page.small);
        document.newPage();
    }

    private void summary() {
        page.heading(t.text("section.summary"));
        Optional<Line> received = s.summary().stream().filter(l -> "RECEIVED".equals(l.key())).findFirst();
        if (s.summary().isEmpty()) {
            page.paragraph(t.text("summary.none"));
            return;
        }
        page.paragraph(headline(received));
        measures(null, s.summary());
    }

    /** "2026年10月，某机构共接收举报 1234 件，环比上升 2.6%，同比下降 1%。其中，网上举报 800 件（环比…，同比…）；…" */
    private String headline(Optional<Line> received) {
        Figure total = received.map(Line::figure).orElse(null);
        if (total == null || total.hidden()) {
            return t.text("summary.hidden");
        }
        StringBuilder text = new StringBuilder(t.text("summary.received", period, name, total.shown()));
        if (total.changeOnPrevious() != null) {
            text.append(t.text("summary.mom", t.change(total.changeOnPrevious())));
        }
        if (total.changeOnYearEarlier() != null) {
            text.append(t.text("summary.yoy", t.change(total.changeOnYearEarlier())));
        }
        text.append(t.text("summary.end"));
        List<String> channels = new ArrayList<>();
        for (Line line : s.byChannel()) {
            if (!"TOTAL".equals(line.key())) {
                Figure f = line.figure();
                List<String> changes = new ArrayList<>();
                if (f.changeOnPrevious() != null) {
                    changes.add(t.text("summary.channelMom", t.change(f.changeOnPrevious())));
                }
                if (f.changeOnYearEarlier() != null) {
                    changes.add(t.text("summary.channelYoy", t.change(f.changeOnYearEarlier())));
                }
                channels.add(t.text("summary.channel", named(line), f.shown()) + (changes.isEmpty() ? ""
                        : t.text("summary.channelChanges", String.join(t.text("summary.comma"), changes))));
            }
        }
        if (!channels.isEmpty()) {
            text.append(t.text("summary.channelsLead")).append(String.join(t.text("summary.separator"), channels))
                    .append(t.text("summary.end"));
        }
        return text.toString();
    }

    private void measures(String heading, List<Line> lines) {
        if (heading != null) {
            page.heading(t.text(heading));
        }
        if (lines.isEmpty()) {
            page.paragraph(t.text("notPublished"));
            return;
        }
        table(lines, l -> t.text("measure." + l.key()));
    }

    private void counts(String heading, List<Line> lines, Function<Line, String> label) {
        page.heading(t.text(heading));
        if (lines.isEmpty()) {
            page.paragraph(t.text("notPublished"));
            return;
        }
        table(lines, label);
        page.chart(t.text("chart.title", t.text(heading).replaceFirst("^\\S*[、.]\\s*", "")),
                lines.stream().filter(l -> !"TOTAL".equals(l.key()))
                        .map(l -> new Bar(label.apply(l), l.figure().value(), l.figure().shown())).toList());
    }

    private void table(List<Line> lines, Function<Line, String> label) {
        page.table(new float[]{46, 18, 18, 18},
                List.of(t.text("column.item"), t.text("column.count"), t.text("column.mom"), t.text("column.yoy")),
                lines.stream().map(l -> List.of(label.apply(l), l.figure().shown(),
                        t.signedChange(l.figure().changeOnPrevious()), t.signedChange(l.figure().changeOnYearEarlier())))
                        .toList());
    }

    private void timeliness() {
        page.heading(t.text("section.timeliness"));
        if (s.timeliness().isEmpty()) {
            page.paragraph(t.text("notPublished"));
        } else {
            page.table(new float[]{28, 14, 12, 12, 16, 18}, List.of(t.text("column.stage"), t.text("column.completed"),
                    t.text("column.onTime"), t.text("column.late"), t.text("column.onTimeRate"), t.text("column.medianHours")),
                    s.timeliness().stream().map(st -> List.of(t.text("stage." + st.stage()), st.completed().shown(),
                            st.onTime().shown(), st.late().shown(), rate(st.onTimeRate()), hours(st.medianHours()))).toList());
        }
        if (s.medianHandlingHours() != null) {
            page.paragraph(t.text("medianHandling", hours(s.medianHandlingHours()),
                    ReportLanguage.percent(s.medianHandlingHours() / 24)));
        } else if (!s.summary().isEmpty()) {
            page.paragraph(t.text("medianHandling.hidden", Integer.toString(s.threshold())));
        }
    }

    private void rewards() {
        page.heading(t.text("section.rewards"));
        if (s.rewards().isEmpty()) {
            page.paragraph(t.text("notPublished"));
            return;
        }
        page.table(new float[]{40, 25, 35}, List.of(t.text("column.currency"), t.text("column.count"), t.text("column.amount")),
                s.rewards().stream().map(r -> List.of(r.currency(), r.count().shown(),
                        r.amount() == null ? t.text("change.none") : r.amount().toPlainString() + " " + r.currency())).toList());
    }

    private void dsa() {
        page.heading(t.text("section.dsa"));
        page.paragraph(t.text("dsa.lead"), page.small);
        page.subheading(t.text("dsa.noticesByCategory"));
        if (s.byCategory().isEmpty()) {
            page.paragraph(t.text("notPublished"));
        } else {
            table(s.byCategory(), this::named);
        }
        Optional<PublishedStatistics.Stage> decide = stage("DECIDE");
        Optional<PublishedStatistics.Stage> review = stage("REVIEW");
        page.table(new float[]{70, 30}, List.of(t.text("column.metric"), t.text("column.value")), List.of(
                List.of(t.text("dsa.medianTimeToAction"), decide.map(d -> hours(d.medianHours())).orElse(t.text("notAvailable"))),
                List.of(t.text("dsa.complaints"), appeal("APPEALED")),
                List.of(t.text("dsa.decisions"), review.map(r -> r.completed().shown()).orElse(t.text("notAvailable"))),
                List.of(t.text("dsa.medianDecisionTime"), review.map(r -> hours(r.medianHours())).orElse(t.text("notAvailable"))),
                List.of(t.text("dsa.reversals"), appeal("REVIEW_REVERSED"))));
    }

    private Optional<PublishedStatistics.Stage> stage(String code) {
        return s.timeliness().stream().filter(st -> st.stage().equals(code)).findFirst();
    }

    private String appeal(String key) {
        return s.appeals().stream().filter(l -> l.key().equals(key)).findFirst().map(l -> l.figure().shown())
                .orElse(t.text("notAvailable"));
    }

    private void commitments() {
        PublicConfiguration c = in.configuration();
        page.heading(t.text("section.commitments"));
        page.subheading(t.text("commitments.channels"));
        page.table(new float[]{30, 20, 30, 20}, List.of(t.text("column.channel"), t.text("column.kind"),
                        t.text("column.contact"), t.text("column.hours")),
                c.channels().stream().map(ch -> List.of(t.named(ch.nameZh(), ch.nameEn()), t.text("channel." + ch.kind()),
                        orDash(ch.contact()), orDash(ch.hours()))).toList(), false);
        page.subheading(t.text("commitments.deadlines"));
        if (c.deadlines().isEmpty()) {
            page.paragraph(t.text("commitments.noDeadlines"));
            return;
        }
        page.table(new float[]{60, 40}, List.of(t.text("column.stage"), t.text("column.deadline")),
                c.deadlines().stream().map(d -> List.of(deadlineStage(c, d), deadline(d))).toList(), false);
    }

    private String deadlineStage(PublicConfiguration c, PublicConfiguration.PublishedDeadline d) {
        StringBuilder text = new StringBuilder(t.text("stage." + d.stage()));
        if (d.category() != null) {
            text.append(" · ").append(c.categories().stream().filter(k -> k.code().equals(d.category())).findFirst()
                    .map(k -> t.named(k.nameZh(), k.nameEn())).orElse(d.category()));
        }
        if (d.severity() != null) {
            text.append(" · ").append(t.text("severity." + d.severity()));
        }
        return text.toString();
    }

    private String deadline(PublicConfiguration.PublishedDeadline d) {
        String text = d.amount() == 0 && "HOURS".equals(d.unit()) ? t.text("deadline.immediate")
                : d.amount() + " " + t.text("unit." + d.unit());
        if (d.extensionAmount() != null) {
            text += " (" + t.text("deadline.extension") + " " + d.extensionAmount() + " " + t.text("unit." + d.extensionUnit()) + ")";
        }
        return text;
    }

    /**
     * The tenant's audit chain head when the report was made, and how anyone who keeps it can later check that the
     * trail up to it was not rewritten.
     */
    private void auditHead() {
        ChainHead head = in.auditHead();
        page.heading(t.text("section.auditHead"));
        page.paragraph(t.text("auditHead.lead"));
        page.table(new float[]{24, 76}, List.of(t.text("column.item"), t.text("column.value")), List.of(
                List.of(t.text("auditHead.seq"), Long.toString(head.seq())),
                List.of(t.text("auditHead.hash"), head.hash()),
                List.of(t.text("auditHead.occurredAt"), head.occurredAt() == null ? t.text("change.none") : when(head.occurredAt())),
                List.of(t.text("auditHead.asOf"), when(head.asOf()))), false);
        page.paragraph(head.seq() == 0 ? t.text("auditHead.empty")
                : t.text("auditHead.check", s.tenant(), Long.toString(head.seq())));
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(in.zone())) + " (" + in.zone() + ")";
    }

    private void notes() {
        page.heading(t.text("section.notes"));
        page.paragraph(t.text("note.closed"), page.small);
        if (s.uniformLabels()) {
            page.paragraph(t.text("note.uniform"), page.small);
        } else {
            page.paragraph(t.text("note.small", Integer.toString(s.threshold())), page.small);
            page.paragraph(t.text("note.protective"), page.small);
        }
        page.paragraph(t.text("note.medians", Integer.toString(s.threshold())), page.small);
        page.paragraph(t.text("note.changes"), page.small);
        page.paragraph(t.text("note.archive"), page.small);
    }

    /** Names the tenant typed may hold characters the font lacks (emoji, rare ideographs): they print as nothing. */
    private void warnOfMissingGlyphs() {
        StringBuilder names = new StringBuilder(name);
        for (List<Line> lines : List.of(s.byChannel(), s.byCategory())) {
            lines.forEach(l -> names.append(named(l)));
        }
        in.configuration().channels().forEach(c -> names.append(t.named(c.nameZh(), c.nameEn())).append(orDash(c.contact()))
                .append(orDash(c.hours())));
        String missing = ReportFonts.missingGlyphs(names.toString());
        if (!missing.isEmpty()) {
            LOG.warning("Disclosure report of " + s.tenant() + " " + s.period() + ": " + missing.codePointCount(0, missing.length())
                    + " character(s) of the tenant's names have no glyph in the report's font and are left out");
        }
    }

    private String named(Line line) {
        return "TOTAL".equals(line.key()) ? t.text("total") : t.named(line.nameZh(), line.nameEn());
    }

    private String rate(Double percent) {
        return percent == null ? t.text("change.none") : ReportLanguage.percent(percent) + "%";
    }

    private String hours(Double hours) {
        return hours == null ? t.text("change.none") : ReportLanguage.percent(hours);
    }

    private String orDash(String text) {
        return text == null || text.isBlank() ? t.text("change.none") : text;
    }
}
