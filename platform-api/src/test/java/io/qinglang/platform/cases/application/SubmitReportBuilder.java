package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.application.SubmitReport.ContactInput;
import io.qinglang.platform.cases.application.SubmitReport.ReporterInput;
import io.qinglang.platform.cases.application.SubmitReport.SubjectInput;

/** Builds {@link SubmitReport}s that are valid unless a test says otherwise. */
final class SubmitReportBuilder {

    private String channel = "web";
    private String category = "fraud";
    private SubjectInput subject = new SubjectInput("URL", "https://example.com/lottery?win=1");
    private String description = "The page promises a lottery prize and asks for a bank card number.";
    private String anonymity = "ANONYMOUS";
    private ReporterInput reporter;
    private ContactInput contact;

    private SubmitReportBuilder() {
    }

    static SubmitReportBuilder anAnonymousReport() {
        return new SubmitReportBuilder();
    }

    static SubmitReportBuilder aNamedReport() {
        return new SubmitReportBuilder().anonymity("NAMED").reporter(aReporter());
    }

    static ReporterInput aReporter() {
        return new ReporterInput("张三", "110101199003071234", "北京市东城区");
    }

    SubmitReportBuilder channel(String channel) {
        this.channel = channel;
        return this;
    }

    SubmitReportBuilder category(String category) {
        this.category = category;
        return this;
    }

    SubmitReportBuilder subject(String type, String value) {
        return subject(new SubjectInput(type, value));
    }

    SubmitReportBuilder subject(SubjectInput subject) {
        this.subject = subject;
        return this;
    }

    SubmitReportBuilder description(String description) {
        this.description = description;
        return this;
    }

    SubmitReportBuilder anonymity(String anonymity) {
        this.anonymity = anonymity;
        return this;
    }

    SubmitReportBuilder reporter(ReporterInput reporter) {
        this.reporter = reporter;
        return this;
    }

    SubmitReportBuilder contact(String email, String phone) {
        this.contact = new ContactInput(email, phone);
        return this;
    }

    SubmitReport build() {
        return new SubmitReport(channel, category, subject, description, anonymity, reporter, contact, null);
    }
}
