package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;

import java.util.List;

import static io.qinglang.platform.deadlines.domain.DurationUnit.CALENDAR_DAYS;
import static io.qinglang.platform.deadlines.domain.DurationUnit.HOURS;
import static io.qinglang.platform.deadlines.domain.DurationUnit.WORKING_DAYS;

/**
 * The three starting points offered at onboarding (reference/deadline-templates.md). Each seeds the
 * tenant's channels, categories and deadline policies; every value is a default the tenant admin can
 * change afterwards.
 */
public enum TenantTemplate {

    /** A. Internet information service, harmful content (网信). */
    INTERNET_CONTENT("JB", 24, new TemplateSeeds.InternetContent()),
    /** B. Consumer complaints under the 12315 rules (SAMR Order No. 121). */
    CONSUMER_COMPLAINTS("TS", 24, new TemplateSeeds.ConsumerComplaints()),
    /** C. EU whistleblowing channel (Directive 2019/1937). */
    EU_WHISTLEBLOWING("WB", 60, new TemplateSeeds.EuWhistleblowing());

    private final String referencePrefix;
    private final int retentionMonths;
    private final TemplateSeed seed;

    TenantTemplate(String referencePrefix, int retentionMonths, TemplateSeed seed) {
        this.referencePrefix = referencePrefix;
        this.retentionMonths = retentionMonths;
        this.seed = seed;
    }

    public String referencePrefix() {
        return referencePrefix;
    }

    /**
     * How long an ended case's personal data is kept at first (reference/deadline-templates.md "retention"): two
     * years for A and B, five for an EU whistleblowing channel.
     */
    public int retentionMonths() {
        return retentionMonths;
    }

    public List<Channel> channels() {
        return seed.channels();
    }

    public List<Category> categories() {
        return seed.categories();
    }

    public List<DeadlinePolicy> policies() {
        return seed.policies();
    }

    /** What a template seeds; fresh entities on every call, since each tenant owns its own copies. */
    interface TemplateSeed {
        List<Channel> channels();

        List<Category> categories();

        List<DeadlinePolicy> policies();

        static DeadlinePolicy policy(DeadlineStage stage, int amount, io.qinglang.platform.deadlines.domain.DurationUnit unit) {
            return new DeadlinePolicy(stage, null, new HandlingPeriod(amount, unit), null, false,
                    List.of(50, 80, 100), false);
        }

        static DeadlinePolicy urgent(String category) {
            return new DeadlinePolicy(DeadlineStage.URGENT_TRIAGE, category, new HandlingPeriod(1, HOURS), null,
                    false, List.of(50, 80, 100), false);
        }
    }

    static final List<Integer> DEFAULT_ALERTS = List.of(50, 80, 100);

    static HandlingPeriod wd(int n) {
        return new HandlingPeriod(n, WORKING_DAYS);
    }

    static HandlingPeriod days(int n) {
        return new HandlingPeriod(n, CALENDAR_DAYS);
    }
}
