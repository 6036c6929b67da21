package io.qinglang.platform.cases.web;

import io.qinglang.platform.cases.application.SubmitReport;

import java.util.List;
import java.util.Map;

/**
 * The report form's fields, the portal's and the console's staff intake alike: the report the API takes from them
 * (blank optional fields left out, so only what was given is checked), and which field each of the API's error
 * pointers marks.
 */
public final class ReportFormFields {

    private static final Map<String, String> FIELD_OF = Map.ofEntries(Map.entry("/category", "category"),
            Map.entry("/subject", "subjectValue"), Map.entry("/subject/type", "subjectType"),
            Map.entry("/subject/value", "subjectValue"), Map.entry("/description", "description"),
            Map.entry("/anonymity", "anonymity"), Map.entry("/reporter", "reporterName"),
            Map.entry("/reporter/name", "reporterName"), Map.entry("/reporter/idNumber", "reporterIdNumber"),
            Map.entry("/reporter/address", "reporterAddress"), Map.entry("/contact", "contactEmail"),
            Map.entry("/contact/email", "contactEmail"), Map.entry("/contact/phone", "contactPhone"),
            Map.entry("/channel", "channel"), Map.entry("/receivedAt", "receivedAt"));

    /** What a report can be about, in the order the form offers them. */
    public static final List<String> SUBJECT_TYPES = List.of("URL", "ACCOUNT", "ORGANISATION", "PRODUCT", "PERSON", "OTHER");

    private ReportFormFields() {
    }

    /** The form field an error pointer marks; {@code form} for an error of the form as a whole. */
    public static String fieldOf(String pointer) {
        return FIELD_OF.getOrDefault(pointer, "form");
    }

    /** The report from the form's values (field name → text, blank ones absent), received through {@code channel}. */
    public static SubmitReport report(String channel, Map<String, String> v) {
        String anonymity = v.get("anonymity") == null ? "ANONYMOUS" : v.get("anonymity");
        SubmitReport.ReporterInput reporter = anonymity.equals("ANONYMOUS") ? null
                : new SubmitReport.ReporterInput(v.get("reporterName"), v.get("reporterIdNumber"), v.get("reporterAddress"));
        SubmitReport.ContactInput contact = v.get("contactEmail") == null && v.get("contactPhone") == null ? null
                : new SubmitReport.ContactInput(v.get("contactEmail"), v.get("contactPhone"));
        return new SubmitReport(channel, v.get("category"),
                new SubmitReport.SubjectInput(v.get("subjectType"), v.get("subjectValue")), v.get("description"),
                anonymity, reporter, contact, "yes".equals(v.get("consent")));
    }
}
