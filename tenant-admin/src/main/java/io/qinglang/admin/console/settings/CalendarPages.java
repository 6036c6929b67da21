package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.CalendarFiles;
import io.qinglang.admin.configuration.application.ConfigurationChange.ListedDay;
import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.ConfigurationService.YearChanges;
import io.qinglang.admin.configuration.application.TenantConfigurationView.CalendarView;
import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.platform.cases.web.MultipartForm;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.FieldError;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.FieldMessages;
import io.qinglang.platform.tenants.application.TenantDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The working calendar as a year view (holidays and make-up working days marked on twelve months), its warnings, the
 * year as {@code .ics} or CSV, and importing a year from either: the file is read and what it would change is shown
 * first; only "apply" writes, and only if the year still stands as the preview showed it.
 */
@Path("/admin/calendar")
@RequestScoped
@Produces(ConsoleView.HTML)
public class CalendarPages {

    static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Set<String> UPLOAD_FIELDS = Set.of(Csrf.FIELD, "year", "source");

    private final ConfigurationService configuration;
    private final TenantDirectory tenants;
    private final AdminPage admin;
    private final Clock clock;

    @Inject
    public CalendarPages(ConfigurationService configuration, TenantDirectory tenants, AdminPage admin, Clock clock) {
        this.configuration = configuration;
        this.tenants = tenants;
        this.admin = admin;
        this.clock = clock;
    }

    @GET
    public Response year(@QueryParam("year") Integer year, @QueryParam("imported") boolean imported,
                         @BeanParam Reader reader) {
        int shown = year == null || year < 1990 || year > 2200 ? thisYear() : year;
        Map<String, Object> extra = new HashMap<>();
        if (imported) {
            extra.put("imported", true);
        }
        return render(200, shown, Map.of("year", Integer.toString(shown)), Map.of(), extra, reader);
    }

    @GET
    @Path("/{year: [0-9]{4}}.ics")
    @Produces("text/calendar; charset=UTF-8")
    public Response ics(@PathParam("year") int year) {
        String tenant = admin.tenant();
        return download(CalendarFiles.toIcs(tenant + " " + year, listed(year), clock.instant()),
                tenant + "-calendar-" + year + ".ics");
    }

    @GET
    @Path("/{year: [0-9]{4}}.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@PathParam("year") int year) {
        return download(CalendarFiles.toCsv(listed(year)), admin.tenant() + "-calendar-" + year + ".csv");
    }

    /** Reads an uploaded {@code .ics} or CSV file and shows what it would change; nothing is written. */
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
                           @BeanParam Reader reader) {
        MultipartForm.Form form = MultipartForm.readUpload(contentType, body, UPLOAD_FIELDS, "file", MAX_FILE_BYTES);
        admin.checkForm(csrfOnly(form.field(Csrf.FIELD)));
        Map<String, String> typed = new HashMap<>();
        typed.put("year", form.field("year") == null ? "" : form.field("year").strip());
        typed.put("source", form.field("source") == null ? "" : form.field("source").strip());
        int shown = parseYear(typed.get("year")).orElse(thisYear());
        try {
            int year = parseYear(typed.get("year")).orElseThrow(() -> InvalidInput.of("/year", "must be between 1990 and 2200"));
            if (form.files().isEmpty()) {
                throw InvalidInput.of("/file", "is required");
            }
            List<ListedDay> days = read(form.files().get(0).content());
            YearChanges changes = configuration.previewYear(admin.tenant(), year, days);
            Map<String, Object> extra = new HashMap<>();
            extra.put("changes", changes);
            extra.put("days", CalendarFiles.toCsv(days));
            extra.put("fileName", form.files().get(0).fileName());
            return render(200, year, typed, Map.of(), extra, reader);
        } catch (InvalidInput e) {
            return render(400, shown, typed, fileErrors(e, reader), Map.of(), reader);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID && e.kind() != DomainException.Kind.PAYLOAD_TOO_LARGE) {
                throw e;
            }
            return render(400, shown, typed, Map.of("file", e.getMessage()), Map.of(), reader);
        }
    }

    /** Applies the previewed year, unless it changed since the preview. */
    @POST
    @Path("/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        int shown = parseYear(form.getFirst("year")).orElse(thisYear());
        return admin.submit(form, reader, () -> {
            int year = parseYear(form.getFirst("year")).orElseThrow(() -> InvalidInput.of("/year", "must be between 1990 and 2200"));
            List<ListedDay> days = CalendarFiles.fromCsv(form.getFirst("days") == null ? "" : form.getFirst("days"));
            configuration.replaceYear(admin.tenant(), year, form.getFirst("source"), days, admin.actor(),
                    form.getFirst("fingerprint") == null ? "" : form.getFirst("fingerprint"));
            return UriBuilder.fromPath("/console/admin/calendar").queryParam("year", year).queryParam("imported", true)
                    .build();
        }, (status, values, errors) -> render(status, shown, Map.of("year", Integer.toString(shown),
                "source", values.getOrDefault("source", "")), errors, Map.of(), reader));
    }

    private Response render(int status, int year, Map<String, String> values, Map<String, String> errors,
                            Map<String, Object> extra, Reader reader) {
        String tenant = admin.tenant();
        CalendarView calendar = configuration.calendar(tenant);
        Set<DayOfWeek> rest = calendar.restDays().stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
        Map<String, Object> model = new HashMap<>(extra);
        model.put("calendar", calendar);
        model.put("sheet", YearSheet.of(year, listedOrNone(year), rest));
        model.put("listed", calendar.years().stream().anyMatch(y -> y.year() == year));
        model.put("year", year);
        model.put("values", values);
        model.put("errors", errors);
        model.put("thisYear", thisYear());
        return admin.page(status, "admin-calendar", model, reader);
    }

    private List<ListedDay> listed(int year) {
        return configuration.listedDays(admin.tenant(), year);
    }

    private List<ListedDay> listedOrNone(int year) {
        try {
            return listed(year);
        } catch (NotFound e) {
            return List.of();
        }
    }

    private int thisYear() {
        return LocalDate.ofInstant(clock.instant(), tenants.zoneOf(admin.tenant())).getYear();
    }

    /** The file's days: an iCalendar file if it says so, otherwise CSV. */
    private static List<ListedDay> read(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInput.of("/file", "is not valid UTF-8 text");
        }
        String start = text.stripLeading().replace("\uFEFF", "");
        return start.regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15) ? CalendarFiles.fromIcs(text)
                : CalendarFiles.fromCsv(text);
    }

    /** A file's problems under the file field, each saying where in the file: "line 3: …", "day 2: …". */
    private Map<String, String> fileErrors(InvalidInput e, Reader reader) {
        Map<String, String> texts = admin.texts(reader);
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            String[] parts = error.pointer().replaceFirst("^/", "").split("/");
            String field = parts[0].equals("year") || parts[0].equals("source") ? parts[0] : "file";
            String where = parts.length > 1 && (parts[0].equals("lines") || parts[0].equals("days"))
                    ? texts.get("calendar." + parts[0]).replace("{0}", parts[1]) + " " : "";
            errors.merge(field, where + FieldMessages.localize(error.detail(), texts), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    private static java.util.Optional<Integer> parseYear(String text) {
        try {
            int year = Integer.parseInt(text == null ? "" : text.strip());
            return year >= 1990 && year <= 2200 ? java.util.Optional.of(year) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static MultivaluedMap<String, String> csrfOnly(String csrf) {
        MultivaluedMap<String, String> form = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        if (csrf != null) {
            form.putSingle(Csrf.FIELD, csrf);
        }
        return form;
    }

    private static Response download(String text, String fileName) {
        return Response.ok(text).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
