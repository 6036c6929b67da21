package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.Anonymity;
import io.qinglang.platform.cases.domain.SubjectType;
import io.qinglang.platform.shared.domain.InputErrors;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A report as the reporter submits it through the public intake. {@code consentToShareIdentity} (optional,
 * default no) lets the tenant pass the reporter's identity on if it refers the case to another body. Field names are the JSON names; unknown
 * fields are refused by the JSON reader, and {@link #validate()} names every field that is wrong.
 */
public record SubmitReport(String channel, String category, SubjectInput subject, String description,
                           String anonymity, ReporterInput reporter, ContactInput contact,
                           Boolean consentToShareIdentity) {

    static final int MAX_DESCRIPTION = 10_000;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,24}");

    /** The reported subject. */
    public record SubjectInput(String type, String value) {
    }

    /** Who the reporter is; only for CONFIDENTIAL and NAMED reports. */
    public record ReporterInput(String name, String idNumber, String address) {
    }

    /** How the reporter may be told that their case needs attention; optional, even when anonymous. */
    public record ContactInput(String email, String phone) {
    }

    public void validate() {
        InputErrors errors = new InputErrors();
        validate(errors);
        errors.throwIfAny();
    }

    /** Adds every wrong field to {@code errors}. */
    void validate(InputErrors errors) {
        errors.text("/channel", channel, 40).matches("/channel", channel, CODE, "must be a channel code")
                .text("/category", category, 40).matches("/category", category, CODE, "must be a category code")
                .text("/description", description, MAX_DESCRIPTION)
                .text("/anonymity", anonymity, 20).oneOf("/anonymity", anonymity, names(Anonymity.values()));
        validateSubject(errors);
        validateReporter(errors);
        validateContact(errors);
    }

    private void validateSubject(InputErrors errors) {
        if (subject == null) {
            errors.add("/subject", "is required");
            return;
        }
        errors.text("/subject/type", subject.type(), 20).oneOf("/subject/type", subject.type(), names(SubjectType.values()))
                .text("/subject/value", subject.value(), 2_000);
        if ("URL".equals(subject.type()) && subject.value() != null && !isWebAddress(subject.value())) {
            errors.add("/subject/value", "must be an http or https URL");
        }
    }

    private void validateReporter(InputErrors errors) {
        boolean anonymous = Anonymity.ANONYMOUS.name().equals(anonymity);
        if (anonymous && reporter != null) {
            errors.add("/reporter", "must be omitted for an anonymous report");
        } else if (!anonymous && anonymity != null && !errors.has("/anonymity") && reporter == null) {
            errors.add("/reporter", "is required for " + anonymity + " reports");
        } else if (reporter != null) {
            errors.text("/reporter/name", reporter.name(), 200)
                    .optionalText("/reporter/idNumber", reporter.idNumber(), 40)
                    .optionalText("/reporter/address", reporter.address(), 500);
        }
    }

    private void validateContact(InputErrors errors) {
        if (contact == null) {
            return;
        }
        if (contact.email() == null && contact.phone() == null) {
            errors.add("/contact", "must give an email or a phone, or be omitted");
        }
        errors.optionalText("/contact/email", contact.email(), 254).matches("/contact/email", contact.email(), EMAIL,
                        "must be an e-mail address")
                .optionalText("/contact/phone", contact.phone(), 25).matches("/contact/phone", contact.phone(), PHONE,
                        "must be a phone number");
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
