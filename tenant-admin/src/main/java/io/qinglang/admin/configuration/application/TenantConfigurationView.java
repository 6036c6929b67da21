package io.qinglang.admin.configuration.application;

import java.util.List;

/** A tenant's configuration as its admin sees it. */
public record TenantConfigurationView(String slug, String timeZone, List<ChannelView> channels,
                                      List<CategoryView> categories, List<PolicyView> policies,
                                      List<Integer> calendarYears) {

    /** One channel. */
    public record ChannelView(String code, String nameZh, String nameEn, String kind, boolean active) {
    }

    /** One category. */
    public record CategoryView(String code, String nameZh, String nameEn, boolean urgent, boolean active) {
    }

    /** One deadline policy. */
    public record PolicyView(String stage, String category, int amount, String unit, List<Integer> alertPercents) {
    }
}
