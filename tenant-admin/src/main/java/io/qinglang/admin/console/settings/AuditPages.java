package io.qinglang.admin.console.settings;

import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.audit.domain.AuditEntry;
import io.qinglang.platform.audit.domain.AuditQuery;
import io.qinglang.platform.audit.domain.ChainVerification;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.tenants.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body's audit trail: every recorded event, newest first, searched by who, what, on which case or subject and
 * when (a plain GET form, so a search can be bookmarked), a page at a time; and "verify the chain", which walks every
 * event's hash and says whether the trail is intact or where it was broken.
 */
@Path("/admin/audit")
@RequestScoped
@Produces(ConsoleView.HTML)
public class AuditPages {

    static final int PAGE = 50;

    private final AuditTrail audit;
    private final TenantDirectory tenants;
    private final AdminPage admin;

    @Inject
    public AuditPages(AuditTrail audit, TenantDirectory tenants, AdminPage admin) {
        this.audit = audit;
        this.tenants = tenants;
        this.admin = admin;
    }

    @GET
    public Response search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("subject") String subject, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("before") Long before, @BeanParam Reader reader) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "actor", actor);
        put(values, "action", action);
        put(values, "subject", subject);
        put(values, "from", from);
        put(values, "to", to);
        return render(values, before, null, reader);
    }

    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        admin.checkForm(form);
        ChainVerification verification = audit.verify(tenants.idOf(admin.tenant()));
        return render(Map.of(), null, verification, reader);
    }

    private Response render(Map<String, String> values, Long before, ChainVerification verification, Reader reader) {
        ZoneId zone = tenants.zoneOf(admin.tenant());
        Map<String, Object> model = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        String badDate = admin.texts(reader).get("field.date");
        Instant from = day(values.get("from"), zone, "from", badDate, errors);
        Instant to = day(values.get("to"), zone, "to", badDate, errors);
        List<AuditEntry> events = List.of();
        if (errors.isEmpty()) {
            events = audit.search(tenants.idOf(admin.tenant()), new AuditQuery(values.get("actor"), values.get("action"),
                    values.get("subject"), from, to == null ? null : to.plusSeconds(86_400), before, PAGE + 1));
        }
        model.put("events", events.size() > PAGE ? events.subList(0, PAGE) : events);
        if (events.size() > PAGE) {
            AuditEntry lastShown = events.get(PAGE - 1);
            // a page of events all waiting to be sealed goes on with the sealed ones, newest first
            model.put("older", lastShown.sealed() ? lastShown.seq() : Long.MAX_VALUE);
        }
        model.put("values", values);
        model.put("errors", errors);
        model.put("filtered", !values.isEmpty());
        model.put("keep", keep(values, before));
        if (verification != null) {
            model.put("verification", verification);
        }
        return admin.page(errors.isEmpty() ? 200 : 400, "admin-audit", model, reader);
    }

    /** The start of a day in the body's zone; a date that cannot be read is marked. */
    private static Instant day(String text, ZoneId zone, String field, String badDate, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, badDate);
            return null;
        }
    }

    /** The search as a query string, for the language switch and the next page. */
    private static String keep(Map<String, String> values, Long before) {
        StringBuilder keep = new StringBuilder();
        values.forEach((k, v) -> keep.append(keep.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        if (before != null) {
            keep.append(keep.isEmpty() ? "" : "&").append("before=").append(before);
        }
        return keep.toString();
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            if (value.length() > 200) {
                throw InvalidInput.of("/" + name, "must be at most 200 characters");
            }
            values.put(name, value.strip());
        }
    }
}
