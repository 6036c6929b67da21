package io.qinglang.admin.disclosure.report;

import io.qinglang.platform.disclosure.domain.ReportEdition;
import io.qinglang.platform.shared.application.Texts;

import java.text.MessageFormat;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** A language a report is written in, with its texts: the shared labels and the report's own. */
public enum ReportLanguage {

    ZH(Locale.SIMPLIFIED_CHINESE, ReportEdition.ZH_CN),
    EN(Locale.ENGLISH, ReportEdition.EN);

    private static final String BUNDLE = "io.qinglang.admin.disclosure.report";

    private final Locale locale;
    private final ReportEdition edition;
    private final Map<String, String> texts;

    ReportLanguage(Locale locale, ReportEdition edition) {
        this.locale = locale;
        this.edition = edition;
        this.texts = Texts.load(locale, Texts.LABELS, BUNDLE);
    }

    public ReportEdition edition() {
        return edition;
    }

    public String languageTag() {
        return edition.code();
    }

    /** The text for {@code key} with its arguments filled in; a missing text is a programming error. */
    public String text(String key, Object... args) {
        String pattern = texts.get(key);
        if (pattern == null) {
            throw new MissingResourceException("no text " + key + " in " + locale, BUNDLE, key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }

    /** A name the tenant gave in both languages: this language's, or the other if this one is empty. */
    public String named(String zh, String en) {
        String mine = this == ZH ? zh : en;
        return mine == null || mine.isBlank() ? (this == ZH ? en : zh) : mine;
    }

    /** "2026年10月" / "October 2026", "2026年第3季度" / "Q3 2026", "2026年" / "2026". */
    public String period(io.qinglang.platform.statistics.domain.Period period) {
        int year = period.first().getYear();
        int month = period.first().getMonthValue();
        String monthName = Month.of(month).getDisplayName(TextStyle.FULL, locale);
        return switch (period.type()) {
            case MONTH -> text("period.MONTH", Integer.toString(year), month, monthName);
            case QUARTER -> text("period.QUARTER", Integer.toString(year), (month + 2) / 3);
            case YEAR -> text("period.YEAR", Integer.toString(year));
        };
    }

    /** A change in percent as words: "上升 2.6%" / "up 2.6%"; a dash where there is none. */
    public String change(Double percent) {
        if (percent == null) {
            return text("change.none");
        }
        if (percent == 0) {
            return text("change.flat");
        }
        String amount = percent(Math.abs(percent));
        return text(percent > 0 ? "change.up" : "change.down", amount);
    }

    /** A change in percent as a signed number for tables: "+2.6%", "−4.6%", "—". */
    public String signedChange(Double percent) {
        if (percent == null) {
            return text("change.none");
        }
        return (percent > 0 ? "+" : percent < 0 ? "−" : "±") + percent(Math.abs(percent)) + "%";
    }

    /** One decimal at most, without a trailing ".0". */
    public static String percent(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
