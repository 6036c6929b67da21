package io.qinglang.platform.shared.application;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Texts from UTF-8 properties bundles for one language, with no fallback to another language (a missing text must
 * show, not be replaced by the other language). {@link #LABELS} is the domain's vocabulary, shared by every module
 * that names channels, stages, outcomes and measures.
 */
public final class Texts {

    public static final String LABELS = "io.qinglang.platform.labels";

    private Texts() {
    }

    /** The texts of the bundles for the locale, a later bundle's text replacing an earlier one's. */
    public static Map<String, String> load(Locale locale, String... bundles) {
        Map<String, String> texts = new HashMap<>();
        for (String name : bundles) {
            ResourceBundle bundle = ResourceBundle.getBundle(name, locale, Texts.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : bundle.keySet()) {
                texts.put(key, bundle.getString(key));
            }
        }
        return texts;
    }
}
