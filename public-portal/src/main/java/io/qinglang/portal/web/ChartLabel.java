package io.qinglang.portal.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart row's name laid out in the space beside its bar: broken into lines between words in English and between
 * characters in Chinese (never before a closing mark such as "，" or "）", never after an opening one), at most
 * {@value #MAX_LINES} lines; a name longer still ends its last line at a word boundary with "…". The whole name is
 * {@link #full()}, drawn as the row's title and named in the table beside the chart.
 *
 * @param full  the name as the table shows it
 * @param lines the lines to draw, each at most the column's width ({@value #WIDTH_EM} em beside the bar, {@value
 *              #NARROW_EM} em above it on a phone)
 */
public record ChartLabel(String full, List<String> lines) {

    /** The label column beside the bars is 184 px at 13 px type. */
    static final double WIDTH_EM = 14;
    /** On a phone the name is drawn above its bar, across the chart's 360 px. */
    static final double NARROW_EM = 26;
    static final int MAX_LINES = 3;
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕…,.;:?!)]}%’”·";
    private static final String NO_LINE_END = "（《「『【〔([{‘“";

    /** Lays out {@code name} beside its bar; an empty name has one empty line. */
    public static ChartLabel of(String name) {
        return of(name, WIDTH_EM);
    }

    /** Lays out {@code name} in a column {@code widthEm} wide. */
    public static ChartLabel of(String name, double widthEm) {
        String text = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty() && lines.size() < MAX_LINES) {
            int end = breakAt(rest, widthEm);
            lines.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        if (!rest.isEmpty()) {
            lines.set(MAX_LINES - 1, shortened(lines.get(MAX_LINES - 1), widthEm));
        }
        return new ChartLabel(text, lines.isEmpty() ? List.of("") : List.copyOf(lines));
    }

    /** Whether a line was cut short (then only the title and the table carry the whole name). */
    public boolean shortened() {
        return !String.join(" ", lines).replace(" ", "").equals(full.replace(" ", ""));
    }

    /** How many characters of {@code text} make the next line: up to a space or between two characters. */
    private static int breakAt(String text, double widthEm) {
        double width = 0;
        int lastSpace = -1;
        int lastBreak = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            width += em(c);
            if (width > widthEm) {
                int last = Math.max(lastSpace, lastBreak);
                return last > 0 ? last : Math.max(i, 1); // a single word wider than the column: cut it
            }
            if (c == ' ') {
                lastSpace = i;
            } else if (i + 1 < text.length() && breakable(c, text.charAt(i + 1))) {
                lastBreak = i + 1;
            }
        }
        return text.length();
    }

    /** Between two characters a line may break if one of them is Chinese and no punctuation rule forbids it. */
    private static boolean breakable(char before, char after) {
        return (wide(before) || wide(after)) && NO_LINE_START.indexOf(after) < 0 && NO_LINE_END.indexOf(before) < 0;
    }

    /** The line cut at its last word boundary (or character, in Chinese) so that "…" fits after it. */
    private static String shortened(String line, double widthEm) {
        String kept = line;
        while (!kept.isEmpty() && width(kept + "…") > widthEm) {
            int space = kept.lastIndexOf(' ');
            kept = space > 0 && !wide(kept.charAt(kept.length() - 1)) ? kept.substring(0, space)
                    : kept.substring(0, kept.length() - 1);
        }
        return kept.strip() + "…";
    }

    static double width(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += em(text.charAt(i));
        }
        return width;
    }

    /** The width of a character in em, as a proportional sans-serif draws it (generously, so nothing overflows). */
    private static double em(char c) {
        if (wide(c)) {
            return 1.0;
        }
        if (c == ' ' || "iljtfr.,;:'!|()[]-".indexOf(c) >= 0) {
            return 0.34;
        }
        if (Character.isUpperCase(c) || c == 'm' || c == 'w' || c == 'M' || c == 'W') {
            return 0.72;
        }
        return 0.58;
    }

    private static boolean wide(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || c == '…';
    }
}
