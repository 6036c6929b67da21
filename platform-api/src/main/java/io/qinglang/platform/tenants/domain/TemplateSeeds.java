package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.deadlines.domain.DeadlinePolicy;

import java.util.ArrayList;
import java.util.List;

import static io.qinglang.platform.deadlines.domain.DeadlineStage.ACKNOWLEDGE;
import static io.qinglang.platform.deadlines.domain.DeadlineStage.ACCEPT;
import static io.qinglang.platform.deadlines.domain.DeadlineStage.APPEAL_WINDOW;
import static io.qinglang.platform.deadlines.domain.DeadlineStage.DECIDE;
import static io.qinglang.platform.deadlines.domain.DeadlineStage.FEEDBACK;
import static io.qinglang.platform.deadlines.domain.DeadlineStage.REVIEW;
import static io.qinglang.platform.deadlines.domain.DurationUnit.CALENDAR_DAYS;
import static io.qinglang.platform.deadlines.domain.DurationUnit.HOURS;
import static io.qinglang.platform.deadlines.domain.DurationUnit.WORKING_DAYS;
import static io.qinglang.platform.tenants.domain.TenantTemplate.TemplateSeed.policy;
import static io.qinglang.platform.tenants.domain.TenantTemplate.TemplateSeed.urgent;

/** The seed data of each {@link TenantTemplate}, transcribed from reference/deadline-templates.md. */
final class TemplateSeeds {

    private TemplateSeeds() {
    }

    static Category category(int order, String code, String zh, String en) {
        return new Category(code, zh, en, false, order);
    }

    static Category urgentCategory(int order, String code, String zh, String en) {
        return new Category(code, zh, en, true, order);
    }

    static final class InternetContent implements TenantTemplate.TemplateSeed {
        @Override
        public List<Channel> channels() {
            return List.of(new Channel("web", "网站举报", "Web form", ChannelKind.WEB, null),
                    new Channel("app", "客户端举报", "App", ChannelKind.APP, null),
                    new Channel("hotline", "举报电话", "Hotline", ChannelKind.HOTLINE, null),
                    new Channel("email", "举报邮箱", "E-mail", ChannelKind.EMAIL, null),
                    new Channel("post", "信件举报", "Letter", ChannelKind.POST, null));
        }

        @Override
        public List<Category> categories() {
            return List.of(category(1, "subversion", "危害国家安全、颠覆分裂", "Subversion or separatism"),
                    category(2, "rumours", "散布谣言扰乱社会秩序", "Rumours disrupting social order"),
                    category(3, "obscenity", "淫秽色情", "Obscenity or pornography"),
                    category(4, "gambling", "赌博", "Gambling"),
                    urgentCategory(5, "violence-terror", "暴力恐怖", "Violence or terrorism"),
                    category(6, "defamation", "侮辱诽谤", "Insult or defamation"),
                    category(7, "fraud", "诈骗", "Fraud and scams"),
                    category(8, "privacy", "侵犯隐私和个人信息", "Privacy or personal-information infringement"),
                    category(9, "harassment", "网络骚扰", "Harassment"),
                    urgentCategory(10, "minors", "侵害未成年人权益", "Protection of minors"),
                    urgentCategory(11, "self-harm", "自伤自杀", "Self-harm"),
                    category(12, "other", "其他违法和不良信息", "Other illegal content"));
        }

        @Override
        public List<DeadlinePolicy> policies() {
            List<DeadlinePolicy> policies = new ArrayList<>(List.of(policy(ACKNOWLEDGE, 0, HOURS),
                    policy(DECIDE, 10, WORKING_DAYS), policy(FEEDBACK, 0, HOURS),
                    policy(APPEAL_WINDOW, 15, WORKING_DAYS), policy(REVIEW, 15, WORKING_DAYS)));
            for (String code : List.of("violence-terror", "minors", "self-harm")) {
                policies.add(urgent(code));
            }
            return policies;
        }
    }

    static final class ConsumerComplaints implements TenantTemplate.TemplateSeed {
        @Override
        public List<Channel> channels() {
            return List.of(new Channel("web", "网上投诉", "Web form", ChannelKind.WEB, null),
                    new Channel("hotline", "投诉电话", "Hotline", ChannelKind.HOTLINE, null),
                    new Channel("in-person", "现场投诉", "In person", ChannelKind.IN_PERSON, null),
                    new Channel("post", "信件投诉", "Letter", ChannelKind.POST, null));
        }

        @Override
        public List<Category> categories() {
            return List.of(category(1, "product-quality", "商品质量", "Product quality"),
                    category(2, "service-quality", "服务质量", "Service quality"),
                    category(3, "price", "价格", "Price"),
                    category(4, "false-advertising", "虚假宣传", "False advertising"),
                    category(5, "contract-terms", "合同条款", "Contract terms"),
                    category(6, "food-safety", "食品安全", "Food safety"),
                    category(7, "other", "其他", "Other"));
        }

        @Override
        public List<DeadlinePolicy> policies() {
            return List.of(policy(ACKNOWLEDGE, 7, WORKING_DAYS), policy(ACCEPT, 7, WORKING_DAYS),
                    new DeadlinePolicy(DECIDE, null, TenantTemplate.days(60), TenantTemplate.wd(15), true,
                            TenantTemplate.DEFAULT_ALERTS, true),
                    policy(FEEDBACK, 7, WORKING_DAYS));
        }
    }

    static final class EuWhistleblowing implements TenantTemplate.TemplateSeed {
        @Override
        public List<Channel> channels() {
            return List.of(new Channel("web", "网上举报", "Web form", ChannelKind.WEB, null),
                    new Channel("hotline", "举报电话", "Hotline", ChannelKind.HOTLINE, null),
                    new Channel("email", "电子邮件", "E-mail", ChannelKind.EMAIL, null),
                    new Channel("meeting", "当面举报", "Meeting on request", ChannelKind.IN_PERSON, null));
        }

        @Override
        public List<Category> categories() {
            return List.of(category(1, "fraud-corruption", "欺诈、腐败", "Fraud or corruption"),
                    category(2, "financial-misconduct", "财务不当行为", "Financial misconduct"),
                    category(3, "health-safety", "健康与安全", "Health and safety"),
                    category(4, "environment", "环境", "Environment"),
                    category(5, "data-protection", "数据保护", "Data protection"),
                    category(6, "harassment", "骚扰、歧视", "Harassment or discrimination"),
                    urgentCategory(7, "retaliation", "打击报复", "Retaliation"),
                    category(8, "other", "其他", "Other"));
        }

        @Override
        public List<DeadlinePolicy> policies() {
            // Day 5 of 7 for acknowledgement; 2.5 of 3 months for feedback (3 months modelled as 90 days).
            return List.of(new DeadlinePolicy(ACKNOWLEDGE, null, TenantTemplate.days(7), null, false,
                            List.of(71, 100), false),
                    new DeadlinePolicy(FEEDBACK, null, TenantTemplate.days(90), null, false, List.of(83, 100),
                            true));
        }
    }
}
