package io.qinglang.infra.dev;

import io.qinglang.admin.configuration.application.ConfigurationChange;
import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.platform.tenants.domain.PublicStatistic;
import io.qinglang.platform.tenants.domain.ReportPeriod;
import jakarta.enterprise.inject.spi.CDI;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * What the demo body's admin set up on its first day, through the configuration service: everything published with
 * the smallest threshold allowed (k = 5) and a report every month, quarter and year, so a small body's figures show;
 * decisions extendable by five working days with a supervisor's approval; a fixed reward of 200 yuan for a
 * substantiated report, to its first reporter.
 */
final class DemoSettings {

    private DemoSettings() {
    }

    static void apply(String slug, String admin) {
        ConfigurationService configuration = CDI.current().select(ConfigurationService.class).get();
        long version = configuration.disclosure(slug).version();
        configuration.reviseDisclosure(slug, new ConfigurationChange.DisclosureChoices(
                Arrays.stream(PublicStatistic.values()).map(Enum::name).toList(), 5,
                Arrays.stream(ReportPeriod.values()).map(Enum::name).toList(), null, null), version, admin);
        configuration.adoptPolicy(slug, new ConfigurationChange.PolicySettings("DECIDE", null, null, 10, "WORKING_DAYS",
                new ConfigurationChange.Period(5, "WORKING_DAYS"), true, List.of(50, 80, 100), true, true), admin);
        configuration.adoptRewardRule(slug, new ConfigurationChange.RewardRuleSettings(null, null, "FIXED",
                BigDecimal.valueOf(200), null, null, null, "CNY", 60, true), admin);
    }
}
