package io.qinglang.platform.shared.web.pages;

import jakarta.ws.rs.core.NewCookie;

import java.util.Locale;
import java.util.Optional;

/**
 * The portal's two languages. A visible switch ({@code ?lang=en}) is remembered in a cookie; otherwise the
 * browser's Accept-Language decides, and Chinese is the default.
 */
public enum Language {
    ZH("zh-CN", Locale.SIMPLIFIED_CHINESE), EN("en", Locale.ENGLISH);

    public static final String COOKIE = "qinglang_lang";

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public Language other() {
        return this == ZH ? EN : ZH;
    }

    /** The cookie that remembers a language chosen with the switch ({@code ?lang=}) for the next pages, if one was. */
    public static Optional<NewCookie> remembered(String requested) {
        return ofTag(requested).map(l -> new NewCookie.Builder(COOKIE).value(l.tag()).path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build());
    }

    /** The language a tag names ({@code zh}, {@code zh-CN}, {@code en}, {@code en-GB} …), if it is one of ours. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.startsWith("zh-") || t.startsWith("zh_")) {
            return Optional.of(ZH);
        }
        if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /** The switch, else the cookie, else the first of ours in Accept-Language by quality, else Chinese. */
    public static Language choose(String requested, String cookie, String acceptLanguage) {
        Optional<Language> chosen = ofTag(requested).or(() -> ofTag(cookie));
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (acceptLanguage != null && acceptLanguage.length() < 500) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    Optional<Language> match = ofTag(range.getRange());
                    if (match.isPresent() && range.getWeight() > 0) {
                        return match.get();
                    }
                }
            } catch (IllegalArgumentException e) {
                return ZH; // a malformed header is ignored
            }
        }
        return ZH;
    }
}
