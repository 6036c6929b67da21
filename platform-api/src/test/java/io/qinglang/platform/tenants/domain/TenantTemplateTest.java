package io.qinglang.platform.tenants.domain;

import static io.qinglang.platform.tenants.domain.TenantTemplate.CONSUMER_COMPLAINTS;
import static io.qinglang.platform.tenants.domain.TenantTemplate.EU_WHISTLEBLOWING;
import static io.qinglang.platform.tenants.domain.TenantTemplate.INTERNET_CONTENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The seeds are checked against reference/deadline-templates.md. */
class TenantTemplateTest {

    /** Codes the public intake accepts (SubmitReport's channel and category rule). */
    private static final String CODE = "[a-z0-9][a-z0-9-]{0,39}";

    private static final Map<TenantTemplate, List<String>> REFERENCE_CATEGORIES = Map.of(
            // The list of the Provisions on Ecological Governance of Network Information Content, plus
            // self-harm, which the reference's urgent-triage row adds to the list.
            INTERNET_CONTENT, List.of("subversion", "rumours", "obscenity", "gambling", "violence-terror",
                    "defamation", "fraud", "privacy", "harassment", "minors", "self-harm", "other"),
            CONSUMER_COMPLAINTS, List.of("product-quality", "service-quality", "price", "false-advertising",
                    "contract-terms", "food-safety", "other"),
            EU_WHISTLEBLOWING, List.of("fraud-corruption", "financial-misconduct", "health-safety", "environment",
                    "data-protection", "harassment", "retaliation", "other"));

    static Stream<Arguments> referenceAcknowledgement() {
        return Stream.of(Arguments.of(INTERNET_CONTENT, HandlingPeriod.instant()),
                Arguments.of(CONSUMER_COMPLAINTS, HandlingPeriod.workingDays(7)),
                Arguments.of(EU_WHISTLEBLOWING, HandlingPeriod.calendarDays(7)));
    }

    private static List<DeadlinePolicy> policies(TenantTemplate template, DeadlineStage stage) {
        return template.policies().stream().filter(p -> p.stage() == stage).toList();
    }

    @ParameterizedTest
    @EnumSource(TenantTemplate.class)
    void seedsAWebChannelForThePublicIntake(TenantTemplate template) {
        assertThat(template.channels()).anySatisfy(channel -> {
            assertThat(channel.kind()).isEqualTo(ChannelKind.WEB);
            assertThat(channel.acceptsPublicIntake()).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(TenantTemplate.class)
    void seedsChannelsWithDistinctCodesTheIntakeAccepts(TenantTemplate template) {
        assertThat(template.channels()).extracting(Channel::code).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches(CODE));
    }

    @ParameterizedTest
    @EnumSource(TenantTemplate.class)
    void seedsTheCategoriesOfTheReference(TenantTemplate template) {
        assertThat(template.categories()).extracting(Category::code)
                .containsExactlyInAnyOrderElementsOf(REFERENCE_CATEGORIES.get(template))
                .allSatisfy(code -> assertThat(code).matches(CODE));
    }

    @ParameterizedTest
    @EnumSource(TenantTemplate.class)
    void seedsActiveCategoriesInADistinctOrder(TenantTemplate template) {
        assertThat(template.categories()).allSatisfy(category -> assertThat(category.active()).isTrue())
                .extracting(Category::sortOrder).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("referenceAcknowledgement")
    void seedsOneDefaultAcknowledgementPolicyWithTheReferencePeriod(TenantTemplate template, HandlingPeriod period) {
        assertThat(policies(template, DeadlineStage.ACKNOWLEDGE)).singleElement().satisfies(policy -> {
            assertThat(policy.categorySpecific()).isFalse();
            assertThat(policy.period()).isEqualTo(period);
        });
    }

    @ParameterizedTest
    @EnumSource(TenantTemplate.class)
    void seedsUrgentTriagePoliciesOnlyForItsOwnCategories(TenantTemplate template) {
        List<String> categories = template.categories().stream().map(Category::code).toList();

        assertThat(policies(template, DeadlineStage.URGENT_TRIAGE)).allSatisfy(policy -> {
            assertThat(policy.categorySpecific()).isTrue();
            assertThat(categories).contains(policy.categoryCode());
        });
    }

    @Test
    void triagesTheUrgentHarmfulContentCategoriesWithinOneHour() {
        assertThat(policies(INTERNET_CONTENT, DeadlineStage.URGENT_TRIAGE))
                .allSatisfy(policy -> assertThat(policy.period()).isEqualTo(HandlingPeriod.hours(1)))
                .extracting(DeadlinePolicy::categoryCode)
                .containsExactlyInAnyOrderElementsOf(INTERNET_CONTENT.categories().stream()
                        .filter(Category::urgent).map(Category::code).toList());
    }

    @Test
    void seedsTheRemainingHarmfulContentStagesOfTheReference() {
        assertThat(policies(INTERNET_CONTENT, DeadlineStage.DECIDE)).singleElement()
                .extracting(DeadlinePolicy::period).isEqualTo(HandlingPeriod.workingDays(10));
        assertThat(policies(INTERNET_CONTENT, DeadlineStage.APPEAL_WINDOW)).singleElement()
                .extracting(DeadlinePolicy::period).isEqualTo(HandlingPeriod.workingDays(15));
        assertThat(policies(INTERNET_CONTENT, DeadlineStage.REVIEW)).singleElement()
                .extracting(DeadlinePolicy::period).isEqualTo(HandlingPeriod.workingDays(15));
    }

    @ParameterizedTest
    @EnumSource(TenantTemplate.class)
    void seedsFreshPoliciesForEveryTenant(TenantTemplate template) {
        assertThat(template.policies().getFirst().id()).isNotEqualTo(template.policies().getFirst().id());
        assertThat(template.channels().getFirst()).isNotSameAs(template.channels().getFirst());
    }

    @ParameterizedTest
    @EnumSource(TenantTemplate.class)
    void givesEachTemplateItsOwnReferencePrefix(TenantTemplate template) {
        assertThat(template.referencePrefix()).matches("[A-Z]{2}");
        assertThat(Stream.of(TenantTemplate.values()).map(TenantTemplate::referencePrefix)).doesNotHaveDuplicates();
    }
}
