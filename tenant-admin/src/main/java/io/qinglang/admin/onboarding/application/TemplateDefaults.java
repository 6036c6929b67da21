package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.tenants.domain.TenantTemplate;

import java.util.List;

/**
 * What a template would seed, shown to the operator before they adopt it: its channels, its categories (urgent ones
 * and their default severity) and its deadline policies per stage. Every value is a default the body's admin can
 * change afterwards.
 */
public record TemplateDefaults(String template, String referencePrefix, List<ChannelDefault> channels,
                               List<CategoryDefault> categories, List<PolicyDefault> policies) {

    public record ChannelDefault(String code, String nameZh, String nameEn, String kind) {
    }

    public record CategoryDefault(String code, String nameZh, String nameEn, boolean urgent, String severity) {
    }

    /** A stage's period; {@code category} is null for the stage's default. */
    public record PolicyDefault(String stage, String category, int amount, String unit, List<Integer> alertPercents,
                                boolean pausesWhileWaiting) {
    }

    public static TemplateDefaults of(TenantTemplate template) {
        return new TemplateDefaults(template.name(), template.referencePrefix(),
                template.channels().stream().map(c -> new ChannelDefault(c.code(), c.nameZh(), c.nameEn(),
                        c.kind().name())).toList(),
                template.categories().stream().map(c -> new CategoryDefault(c.code(), c.nameZh(), c.nameEn(),
                        c.urgent(), c.defaultSeverity().name())).toList(),
                template.policies().stream().map(p -> new PolicyDefault(p.stage().name(), p.categoryCode(),
                        p.period().amount(), p.period().unit().name(), p.alertPercents(), p.pausesWhileWaiting())).toList());
    }

    /** Every template's name, in the order offered. */
    public static List<String> names() {
        return java.util.Arrays.stream(TenantTemplate.values()).map(Enum::name).toList();
    }
}
