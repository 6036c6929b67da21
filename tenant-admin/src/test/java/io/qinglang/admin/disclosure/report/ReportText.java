package io.qinglang.admin.disclosure.report;

import io.qinglang.platform.shared.application.Texts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a report as a person reads it (its text, extracted with PDFBox) and says, independently of the report's own
 * code, how a table row must read: the label, the figure as the statistics API shows it, then the changes.
 */
public final class ReportText {

    private ReportText() {
    }

    /** The report's lines of text, in the order written (sorting by position splits a line's first glyph off). */
    public static List<String> lines(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Arrays.stream(new PDFTextStripper().getText(document).split("\\R")).map(String::strip).toList();
        }
    }

    /** A row of counts: "网上举报 900 +3% —". */
    public static String row(String label, String shown, Double changeOnPrevious, Double changeOnYearEarlier) {
        return String.join(" ", label, shown, change(changeOnPrevious), change(changeOnYearEarlier));
    }

    /** A row of timeliness: stage, completed, on time, late, on-time rate, median hours. */
    public static String stageRow(String label, String completed, String onTime, String late, Double rate, Double median) {
        return String.join(" ", label, completed, onTime, late, rate == null ? "—" : number(rate) + "%",
                median == null ? "—" : number(median));
    }

    public static String change(Double percent) {
        if (percent == null) {
            return "—";
        }
        return (percent > 0 ? "+" : percent < 0 ? "−" : "±") + number(Math.abs(percent)) + "%";
    }

    public static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** A shared label ({@code measure.RECEIVED}, {@code outcome.MALICIOUS}, {@code stage.DECIDE}) in one language. */
    public static String label(String key, boolean zh) {
        return Texts.load(zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, Texts.LABELS).get(key);
    }
}
