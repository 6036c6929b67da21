package io.qinglang.platform.shared.web.pages;

import io.qinglang.platform.shared.application.Texts;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of a module's pages, one resource bundle per language ({@code …_zh_CN.properties}, {@code …_en}), UTF-8,
 * over the domain's shared labels ({@link Texts#LABELS}) and the texts every page shares ({@link #SHARED}: the frame,
 * errors, field messages). A key missing from a bundle shows as {@code ??key??} rather than failing the page, and a
 * test checks that both languages hold the same keys.
 */
public final class Messages {

    public static final String SHARED = "io.qinglang.platform.shared.web.pages.pages";

    private final String bundle;
    private final Map<Language, Map<String, String>> cache = new ConcurrentHashMap<>();

    /** The texts of the module bundle {@code bundle} (a base name such as {@code io.qinglang.portal.messages}). */
    public Messages(String bundle) {
        this.bundle = bundle;
    }

    public Map<String, String> of(Language language) {
        return cache.computeIfAbsent(language, this::load);
    }

    private Map<String, String> load(Language language) {
        Map<String, String> texts = new HashMap<>() {
            @Override
            public String get(Object key) {
                String text = super.get(key);
                return text != null ? text : "??" + key + "??";
            }
        };
        texts.putAll(Texts.load(language.locale(), Texts.LABELS, SHARED, bundle));
        return texts;
    }
}
