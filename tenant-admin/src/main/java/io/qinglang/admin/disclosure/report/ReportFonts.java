package io.qinglang.admin.disclosure.report;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Noto Sans SC (SIL Open Font License, from the Maven artifact {@code com.helger.font:ph-fonts-noto-sans-sc}), which
 * covers Chinese and Latin text alike. Embedded as a subset: a report carries only the glyphs it uses (tens of KB,
 * not the 10 MB font). Read once per process; a {@link BaseFont} may serve many documents.
 */
public final class ReportFonts {

    private static final String DIRECTORY = "/fonts/ttf/NotoSansSC/";

    private ReportFonts() {
    }

    public static BaseFont regular() {
        return Holder.REGULAR;
    }

    public static BaseFont bold() {
        return Holder.BOLD;
    }

    /** The characters of {@code text} the font has no glyph for (white space aside); empty if it can show it all. */
    public static String missingGlyphs(String text) {
        StringBuilder missing = new StringBuilder();
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !regular().charExists(c))
                .forEach(missing::appendCodePoint);
        return missing.toString();
    }

    private static final class Holder {
        static final BaseFont REGULAR = load("NotoSansSC-Regular.ttf");
        static final BaseFont BOLD = load("NotoSansSC-Bold.ttf");

        private static BaseFont load(String file) {
            try (InputStream in = ReportFonts.class.getResourceAsStream(DIRECTORY + file)) {
                if (in == null) {
                    throw new IllegalStateException("font " + file + " is not on the class path "
                            + "(com.helger.font:ph-fonts-noto-sans-sc)");
                }
                return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
