package io.qinglang.portal.web;

import io.qinglang.platform.shared.application.Texts;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's texts, one resource bundle per language ({@code messages_zh_CN.properties}, {@code messages_en}),
 * UTF-8, over the domain's shared labels ({@link Texts#LABELS}). A key missing from a bundle shows as
 * {@code ??key??} rather than failing the page, and a test checks that both languages hold the same keys.
 */
public final class Messages {

    static final String BUNDLE = "io.qinglang.portal.messages";
    private static final Map<Locale, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    private Messages() {
    }

    public static Map<String, String> of(Locale locale) {
        return CACHE.computeIfAbsent(locale, Messages::load);
    }

    private static Map<String, String> load(Locale locale) {
        Map<String, String> texts = new HashMap<>() {
            @Override
            public String get(Object key) {
                String text = super.get(key);
                return text != null ? text : "??" + key + "??";
            }
        };
        texts.putAll(Texts.load(locale, Texts.LABELS, BUNDLE));
        return texts;
    }
}
