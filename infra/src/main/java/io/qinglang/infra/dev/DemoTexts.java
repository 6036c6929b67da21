package io.qinglang.infra.dev;

import io.qinglang.platform.cases.application.CaseListQuery;
import io.qinglang.platform.cases.application.SubmitReport;

import java.util.List;
import java.util.Map;

/** What the demo year's reporters write, per category: plausible, fictitious (example.* addresses), both languages. */
final class DemoTexts {

    private static final Map<String, String[]> ABOUT = Map.ofEntries(
            Map.entry("subversion", new String[]{"ACCOUNT", "@split_the_nation", "该账号发布煽动分裂国家的言论。/ Posts inciting separatism."}),
            Map.entry("rumours", new String[]{"URL", "https://breaking-rumour.example/", "网站编造灾情谣言，引发恐慌。/ Invented disaster news causing panic."}),
            Map.entry("obscenity", new String[]{"URL", "https://adult-stream.example/", "直播平台传播淫秽视频。/ A live-stream site spreading obscene videos."}),
            Map.entry("gambling", new String[]{"URL", "https://bet-online.example/", "网站发布网络赌博广告，诱导充值。/ Online gambling ads luring top-ups."}),
            Map.entry("violence-terror", new String[]{"ACCOUNT", "@blade_channel", "群组传播暴力恐怖视频。/ A group sharing violent terrorist videos."}),
            Map.entry("defamation", new String[]{"ACCOUNT", "@truth_teller_88", "该账号捏造事实诋毁他人。/ Fabricated claims defaming a person."}),
            Map.entry("fraud", new String[]{"URL", "https://refund-service.example/", "冒充客服以退款为名索要银行卡信息。/ Fake customer service asking for bank details."}),
            Map.entry("privacy", new String[]{"URL", "https://people-finder.example/", "网站公开他人身份证号和住址。/ A site publishing ID numbers and home addresses."}),
            Map.entry("harassment", new String[]{"ACCOUNT", "@night_caller", "该账号持续私信骚扰、威胁用户。/ Persistent harassing and threatening messages."}),
            Map.entry("minors", new String[]{"URL", "https://teen-chat.example/", "聊天应用诱导未成年人打赏。/ A chat app luring minors into paid tips."}),
            Map.entry("self-harm", new String[]{"ACCOUNT", "@dark_corner", "帖子宣扬自伤自杀方法。/ Posts promoting self-harm methods."}),
            Map.entry("other", new String[]{"URL", "https://fake-pharmacy.example/", "网站售卖处方药无需处方。/ A site selling prescription drugs without prescriptions."}));

    private DemoTexts() {
    }

    /** The report of {@code c}: every fourth reporter gives their name in confidence, the others stay anonymous. */
    static SubmitReport report(DemoCase c) {
        String[] about = ABOUT.get(c.category);
        boolean confidential = c.number % 4 == 0;
        String value = about[0].equals("URL") ? about[1] + "p/" + c.number : about[1] + "_" + c.number;
        return new SubmitReport(c.channel, c.category, new SubmitReport.SubjectInput(about[0], value),
                (c.online() ? "" : "（来电/来信登记）") + about[2], confidential ? "CONFIDENTIAL" : "ANONYMOUS",
                confidential ? new SubmitReport.ReporterInput("举报人" + c.number, null, null) : null, null, null);
    }

    /** The case list query finding a case by its reference. */
    static CaseListQuery byReference(String reference) {
        return CaseListQuery.of(Map.of("q", List.of(reference)));
    }
}
