package io.qinglang.admin.disclosure.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.util.List;

/**
 * The building blocks of a report's pages: headings (with bookmarks), paragraphs, tables, horizontal bar charts,
 * and the footer with "page x of y" on every page after the cover.
 */
final class ReportLayout {

    static final Color INK = new Color(0x1f, 0x29, 0x37);
    static final Color MUTED = new Color(0x55, 0x60, 0x70);
    static final Color ACCENT = new Color(0x0b, 0x6e, 0x4f);
    static final Color RULE = new Color(0xd0, 0xd7, 0xde);
    static final Color SHADE = new Color(0xf1, 0xf4, 0xf6);

    final Font title = new Font(ReportFonts.bold(), 22, Font.NORMAL, INK);
    final Font heading = new Font(ReportFonts.bold(), 14, Font.NORMAL, ACCENT);
    final Font subheading = new Font(ReportFonts.bold(), 11, Font.NORMAL, INK);
    final Font body = new Font(ReportFonts.regular(), 10, Font.NORMAL, INK);
    final Font small = new Font(ReportFonts.regular(), 8.5f, Font.NORMAL, MUTED);
    final Font cellBold = new Font(ReportFonts.bold(), 9.5f, Font.NORMAL, INK);
    final Font cell = new Font(ReportFonts.regular(), 9.5f, Font.NORMAL, INK);

    private static final float KEEP_WITH_NEXT = 140;

    private final Document document;
    private final PdfWriter writer;

    ReportLayout(Document document, PdfWriter writer) {
        this.document = document;
        this.writer = writer;
    }

    void heading(String text) {
        // a heading never stands alone at the foot of a page
        if (writer.getVerticalPosition(false) - document.bottom() < KEEP_WITH_NEXT) {
            document.newPage();
        }
        Paragraph p = new Paragraph(text, heading);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        p.setKeepTogether(true);
        add(p);
        new PdfOutline(writer.getRootOutline(),
                new PdfDestination(PdfDestination.FITH, writer.getVerticalPosition(true) + 24), text);
    }

    void subheading(String text) {
        Paragraph p = new Paragraph(text, subheading);
        p.setSpacingBefore(8);
        p.setSpacingAfter(4);
        add(p);
    }

    void paragraph(String text) {
        paragraph(text, body);
    }

    void paragraph(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setLeading(font.getSize() * 1.6f);
        p.setSpacingAfter(4);
        add(p);
    }

    /** A table of numbers: a header row, then rows; the first column left-aligned, the others right-aligned. */
    void table(float[] widths, List<String> header, List<List<String>> rows) {
        table(widths, header, rows, true);
    }

    /** A table of text ({@code numbers} false) has every column left-aligned. */
    void table(float[] widths, List<String> header, List<List<String>> rows, boolean numbers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        for (int i = 0; i < header.size(); i++) {
            table.addCell(cell(header.get(i), cellBold, align(i, numbers), SHADE));
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                table.addCell(cell(row.get(i), cell, align(i, numbers), null));
            }
        }
        add(table);
    }

    private static int align(int column, boolean numbers) {
        return column == 0 || !numbers ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT;
    }

    /** One bar per row, its length in proportion to the largest shown value; a hidden value has no bar. */
    record Bar(String label, Long value, String shown) {
    }

    void chart(String caption, List<Bar> bars) {
        long max = bars.stream().filter(b -> b.value() != null).mapToLong(Bar::value).max().orElse(0);
        if (max == 0) {
            return; // nothing shown to draw: every count is zero or hidden
        }
        PdfPTable table = new PdfPTable(new float[]{34, 52, 14});
        table.setWidthPercentage(100);
        table.setSpacingBefore(2);
        table.setSpacingAfter(10);
        PdfPCell head = cell(caption, small, Element.ALIGN_LEFT, null);
        head.setColspan(3);
        table.addCell(head);
        for (Bar bar : bars) {
            table.addCell(cell(bar.label(), cell, Element.ALIGN_LEFT, null));
            PdfPCell barCell = new PdfPCell(new Phrase(" ", cell));
            barCell.setBorder(Rectangle.NO_BORDER);
            double share = bar.value() == null || max == 0 ? 0 : (double) bar.value() / max;
            barCell.setCellEvent(new BarEvent(share));
            table.addCell(barCell);
            table.addCell(cell(bar.shown(), cell, Element.ALIGN_RIGHT, null));
        }
        table.setKeepTogether(true);
        add(table);
    }

    private static PdfPCell cell(String text, Font font, int align, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(4);
        c.setBorder(background == null ? Rectangle.BOTTOM : Rectangle.BOTTOM | Rectangle.TOP);
        c.setBorderColor(RULE);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    void add(Element element) {
        document.add(element);
    }

    /** Draws the bar inside its cell. */
    private record BarEvent(double share) implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            if (share <= 0) {
                return;
            }
            PdfContentByte canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
            float width = (float) Math.max(1.5, (position.getWidth() - 8) * share);
            canvas.saveState();
            canvas.setColorFill(ACCENT);
            canvas.rectangle(position.getLeft() + 4, position.getBottom() + 4, width, position.getHeight() - 8);
            canvas.fill();
            canvas.restoreState();
        }
    }

    /** "Page x of y" and the report's name at the foot of every page but the cover. */
    static final class Footer extends PdfPageEventHelper {

        private static final float TOTAL_WIDTH = 14;
        private final ReportLanguage language;
        private final String left;
        private final Font font = new Font(ReportFonts.regular(), 8, Font.NORMAL, MUTED);
        private PdfTemplate total;

        Footer(ReportLanguage language, String left) {
            this.language = language;
            this.left = left;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, 14);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int page = writer.getPageNumber();
            if (page == 1) {
                return;
            }
            PdfContentByte canvas = writer.getDirectContent();
            float y = document.bottom() - 20;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(left, font), document.left(), y, 0);
            // "第 x 页，共 [y] 页" / "Page x of [y]": y is drawn into the template once the last page is known
            String after = language.text("report.pages");
            float space = width(" ");
            float afterX = document.right() - width(after);
            float totalX = afterX - (after.isEmpty() ? 0 : space) - TOTAL_WIDTH;
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(language.text("report.page", page), font),
                    totalX - space, y, 0);
            canvas.addTemplate(total, totalX, y - 4);
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(after, font), afterX, y, 0);
        }

        private float width(String text) {
            return font.getBaseFont().getWidthPoint(text, font.getSize());
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            // next to the text on its left ("Page 2 of 5") or on its right ("第 2 页，共 5 页")
            boolean textAfter = !language.text("report.pages").isEmpty();
            ColumnText.showTextAligned(total, textAfter ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT,
                    new Phrase(Integer.toString(writer.getPageNumber() - 1), font), textAfter ? TOTAL_WIDTH : 0, 4, 0);
        }
    }
}
