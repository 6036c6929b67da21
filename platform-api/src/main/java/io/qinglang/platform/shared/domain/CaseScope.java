package io.qinglang.platform.shared.domain;

import java.util.Objects;

/**
 * The cases a tenant rule is for: all, one category, one severity, or one severity within one category (a null
 * part means any). When several rules cover a case the narrowest wins: category and severity (3) beat category
 * (2), which beats severity (1), which beats the default (0).
 */
public final class CaseScope {

    private CaseScope() {
    }

    /** Whether a rule scoped to {@code ruleCategory}/{@code ruleSeverity} covers a case of this category and severity. */
    public static boolean covers(String ruleCategory, String ruleSeverity, String category, String severity) {
        return (ruleCategory == null || ruleCategory.equals(category))
                && (ruleSeverity == null || ruleSeverity.equals(severity));
    }

    public static int specificity(String ruleCategory, String ruleSeverity) {
        return (ruleCategory != null ? 2 : 0) + (ruleSeverity != null ? 1 : 0);
    }

    public static boolean same(String category, String severity, String otherCategory, String otherSeverity) {
        return Objects.equals(category, otherCategory) && Objects.equals(severity, otherSeverity);
    }
}
