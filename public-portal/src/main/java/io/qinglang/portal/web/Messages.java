package io.qinglang.portal.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's texts, one resource bundle per language ({@code messages_zh_CN.properties}, {@code messages_en}),
 * UTF-8. A key missing from a bundle shows as {@code ??key??} rather than failing the page, and a test checks that
 * both bundles hold the same keys.
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
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new HashMap<>() {
            @Override
            public String get(Object key) {
                String text = super.get(key);
                return text != null ? text : "??" + key + "??";
            }
        };
        for (String key : bundle.keySet()) {
            texts.put(key, bundle.getString(key));
        }
        return texts;
    }
}
