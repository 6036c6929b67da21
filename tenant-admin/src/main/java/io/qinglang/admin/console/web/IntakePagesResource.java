package io.qinglang.admin.console.web;

import io.qinglang.admin.console.application.ConsoleSessions;
import io.qinglang.platform.cases.application.IntakeService;
import io.qinglang.platform.cases.application.StaffReport;
import io.qinglang.platform.cases.application.SubmitReport;
import io.qinglang.platform.cases.web.ReportFormFields;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.FieldMessages;
import io.qinglang.platform.tenants.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff intake: a report received by phone, letter, e-mail or in person, registered by the member of staff who took
 * it (its first receiver). The receipt code and claim secret are shown once, large and grouped for reading aloud; the
 * form carries its own idempotency key, so a double click files one case.
 */
@Path("/intake")
@RequestScoped
@Produces(ConsoleView.HTML)
public class IntakePagesResource {

    static final List<String> FIELDS = List.of("channel", "category", "subjectType", "subjectValue", "description",
            "anonymity", "reporterName", "reporterIdNumber", "reporterAddress", "contactEmail", "contactPhone", "consent",
            "receivedAt");

    private final IntakeService intake;
    private final PublicConfigurations configurations;
    private final TenantDirectory tenants;
    private final SignedIn signedIn;
    private final ConsoleView view;

    @Inject
    public IntakePagesResource(IntakeService intake, PublicConfigurations configurations, TenantDirectory tenants,
                               SignedIn signedIn, ConsoleView view) {
        this.intake = intake;
        this.configurations = configurations;
        this.tenants = tenants;
        this.signedIn = signedIn;
        this.view = view;
    }

    @GET
    public Response form(@BeanParam Reader reader) {
        signedIn.require("handler", "supervisor");
        return form(200, Map.of(), Map.of(), ConsoleSessions.randomKey(), reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        signedIn.checkForm(form.getFirst(Csrf.FIELD));
        signedIn.require("handler", "supervisor");
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> {
            String value = form.getFirst(f);
            if (value != null && !value.isBlank()) {
                values.put(f, value.strip());
            }
        });
        String key = form.getFirst("idempotencyKey");
        try {
            ZoneId zone = tenants.zoneOf(signedIn.tenant());
            SubmitReport report = ReportFormFields.report(values.get("channel"), values);
            StaffReport staffReport = new StaffReport(report.channel(), report.category(), report.subject(),
                    report.description(), report.anonymity(), report.reporter(), report.contact(),
                    report.consentToShareIdentity(), receivedAt(values.get("receivedAt"), zone));
            IntakeService.StaffIntakeReceipt registered = intake.registerByStaff(signedIn.tenant(),
                    signedIn.session().username(), staffReport, key);
            return view.page(201, "intake-receipt", Map.of("registered", registered), reader);
        } catch (InvalidInput e) {
            Map<String, String> errors = FieldMessages.of(e, ReportFormFields::fieldOf, view.texts(reader));
            return form(400, values, errors, key, reader);
        }
    }

    private Response form(int status, Map<String, String> values, Map<String, String> errors, String key, Reader reader) {
        PublicConfiguration configuration = configurations.of(signedIn.tenant());
        return view.page(status, "intake", Map.of("configuration", configuration, "values", values, "errors", errors,
                "idempotencyKey", key == null ? ConsoleSessions.randomKey() : key,
                "subjectTypes", ReportFormFields.SUBJECT_TYPES), reader);
    }

    /** The form's local date and time in the body's zone; absent means now. */
    private static Instant receivedAt(String local, ZoneId zone) {
        if (local == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("/receivedAt", "must be a date and time");
        }
    }
}
