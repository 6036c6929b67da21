package io.qinglang.admin.console.web;

import io.qinglang.platform.cases.application.CaseListQuery;
import io.qinglang.platform.cases.application.CaseQueries;
import io.qinglang.platform.cases.application.CaseViews;
import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.pages.FieldMessages;
import io.qinglang.platform.tenants.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The case list with the API's filters (status, severity, category, channel, department, assignee, received between,
 * text), sort and cursor paging; a filter form that is a plain GET, so a list can be bookmarked and shared.
 */
@Path("/cases")
@RequestScoped
@Produces(ConsoleView.HTML)
public class WorkspaceResource {

    /** Filters the queues use that the form does not show: kept as hidden fields, and named above the list. */
    static final List<String> QUEUE_FILTERS = List.of("open", "assigned", "waiting", "major", "extensionPending",
            "rewardPending", "dueWithinHours");

    static final List<String> FILTERS = List.of("status", "severity", "category", "channel", "urgent", "department",
            "assignee", "overdue", "dueWithinHours", "from", "to", "q", "sort", "limit", "cursor");

    private final CaseQueries queries;
    private final PublicConfigurations configurations;
    private final SignedIn signedIn;
    private final ConsoleView view;
    private final TenantDirectory tenants;

    @Context
    private UriInfo uri;

    @Inject
    public WorkspaceResource(CaseQueries queries, PublicConfigurations configurations, SignedIn signedIn,
                             ConsoleView view, TenantDirectory tenants) {
        this.tenants = tenants;
        this.queries = queries;
        this.configurations = configurations;
        this.signedIn = signedIn;
        this.view = view;
    }

    @GET
    public Response list(@BeanParam Reader reader) {
        signedIn.require("handler", "supervisor", "tenant-admin");
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Map<String, Object> model = new HashMap<>();
        model.put("configuration", configurations.of(signedIn.tenant()));
        String keep = uri.getRequestUriBuilder().replaceQueryParam("lang").build().getRawQuery();
        model.put("keep", keep == null ? "" : keep); // the language switch keeps the filters
        model.put("filters", filters(query));
        model.put("statuses", query.getOrDefault("status", List.of()));
        model.put("severities", query.getOrDefault("severity", List.of()));
        Map<String, String> queue = new java.util.LinkedHashMap<>();
        QUEUE_FILTERS.forEach(name -> {
            String value = one(query, name);
            if (value != null) {
                queue.put(name, value);
            }
        });
        model.put("queue", queue);
        try {
            CaseViews.Page page = queries.list(signedIn.tenant(), listQuery(query, tenants.zoneOf(signedIn.tenant())));
            model.put("page", page);
            model.put("next", page.nextCursor() == null ? "" : "/console/cases?" + uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor()).replaceQueryParam("lang").build().getRawQuery());
            return view.page("cases", model, reader);
        } catch (InvalidInput e) {
            model.put("errors", FieldMessages.of(e, WorkspaceResource::field, view.texts(reader)));
            return view.page(400, "cases", model, reader);
        }
    }

    /**
     * The API's list query from the page's parameters (the queues' filters included); the page's dates ({@code from},
     * {@code to}, inclusive) are days in the body's zone, and blank fields of the filter form are absent.
     */
    static CaseListQuery listQuery(MultivaluedMap<String, String> q, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        String from = dayStart(errors, "/query/from", one(q, "from"), zone, 0);
        String before = dayStart(errors, "/query/to", one(q, "to"), zone, 1);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Map<String, List<String>> parameters = new HashMap<>();
        q.forEach((name, values) -> {
            List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (!given.isEmpty() && !name.equals("from") && !name.equals("to") && !name.equals("lang")) {
                parameters.put(name, given);
            }
        });
        if (from != null) {
            parameters.put("receivedFrom", List.of(from));
        }
        if (before != null) {
            parameters.put("receivedBefore", List.of(before));
        }
        return CaseListQuery.of(parameters);
    }

    private static String dayStart(List<FieldError> errors, String pointer, String date, ZoneId zone, int plusDays) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date).plusDays(plusDays).atStartOfDay(zone).toInstant().toString();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(pointer, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** The form field a query error marks ({@code /query/text} is the field {@code q}); others in the notice above. */
    private static String field(String pointer) {
        String name = pointer.replaceFirst("^/query/", "");
        return name.equals("text") ? "q" : name;
    }

    /** The filters as the form shows them again (first value of each; the multi-valued ones separately). */
    private static Map<String, String> filters(MultivaluedMap<String, String> q) {
        Map<String, String> shown = new HashMap<>();
        FILTERS.forEach(name -> {
            String value = one(q, name);
            if (value != null) {
                shown.put(name, value);
            }
        });
        return shown;
    }

    private static String one(MultivaluedMap<String, String> q, String name) {
        String value = q.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }
}
