package io.qinglang.admin.configuration.web;

import io.qinglang.admin.configuration.application.CalendarFiles;
import io.qinglang.admin.configuration.application.ConfigurationChange.CategorySettings;
import io.qinglang.admin.configuration.application.ConfigurationChange.ChannelSettings;
import io.qinglang.admin.configuration.application.ConfigurationChange.DisclosureChoices;
import io.qinglang.admin.configuration.application.ConfigurationChange.ListedDay;
import io.qinglang.admin.configuration.application.ConfigurationChange.PolicySettings;
import io.qinglang.admin.configuration.application.ConfigurationChange.RetentionChoice;
import io.qinglang.admin.configuration.application.ConfigurationChange.RewardRuleSettings;
import io.qinglang.admin.configuration.application.ConfigurationChange.WorkingWeek;
import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.Logo;
import io.qinglang.admin.configuration.application.RetentionSettings;
import io.qinglang.admin.configuration.application.RetentionSettings.RetentionView;
import io.qinglang.admin.configuration.application.TenantConfigurationView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.CalendarView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.DayView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.DisclosureView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.PolicyView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.RewardRuleView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.YearView;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.RequestJson;
import io.qinglang.platform.shared.web.VersionTags;
import io.qinglang.platform.tenants.web.StaffAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's configuration: its staff read it; only its tenant admins change it. Every change is validated whole
 * (every wrong field named) before anything is written, takes effect at once and is audited. Channels, categories
 * and the disclosure settings carry a version (their ETag): a change sent with {@code If-Match} is refused with 409
 * if someone else changed them meanwhile.
 */
@Path("/v1/tenants/{tenant}/configuration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"tenant-admin", "supervisor", "handler"})
public class ConfigurationResource {

    static final String TEXT_CSV = "text/csv";
    static final String TEXT_CALENDAR = "text/calendar";
    private static final String YEAR = "{year: [0-9]{4}}";
    static final int MAX_CALENDAR_FILE_BYTES = 1024 * 1024;

    /** A calendar year as JSON: where the list comes from, and its days. */
    public record YearUpload(String source, List<ListedDay> days) {
    }

    /** The listed days of one year. */
    public record YearDays(int year, List<DayView> days) {
    }

    private final ConfigurationService configuration;
    private final RetentionSettings retention;
    private final StaffAccess access;
    private final RequestJson json;
    private final Clock clock;

    @Inject
    public ConfigurationResource(ConfigurationService configuration, RetentionSettings retention, StaffAccess access,
                                 RequestJson json, Clock clock) {
        this.configuration = configuration;
        this.retention = retention;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The tenant's configuration")
    public TenantConfigurationView get(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        return configuration.view(tenant);
    }

    // Channels and categories

    @PUT
    @Path("/channels/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Create or change a channel (whole settings; If-Match optional)")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChannelSettings.class)))
    public Response putChannel(@PathParam("tenant") String tenant, @PathParam("code") String code,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        access.requireMemberOf(tenant);
        ChannelSettings settings = json.read(body, ChannelSettings.class);
        var view = configuration.putChannel(tenant, code, settings, VersionTags.optional(ifMatch, "channel"), access.subject());
        return Response.ok(view).tag(VersionTags.tag(view.version())).build();
    }

    @PUT
    @Path("/categories/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Create or change a category (whole settings; If-Match optional); retire with active=false")
    @RequestBody(content = @Content(schema = @Schema(implementation = CategorySettings.class)))
    public Response putCategory(@PathParam("tenant") String tenant, @PathParam("code") String code,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        access.requireMemberOf(tenant);
        CategorySettings settings = json.read(body, CategorySettings.class);
        var view = configuration.putCategory(tenant, code, settings, VersionTags.optional(ifMatch, "category"), access.subject());
        return Response.ok(view).tag(VersionTags.tag(view.version())).build();
    }

    // Deadline policies

    @GET
    @Path("/deadline-policies")
    @Operation(summary = "The deadline policies in force, or with history=true every version ever adopted")
    public List<PolicyView> policies(@PathParam("tenant") String tenant, @QueryParam("history") boolean history) {
        access.requireMemberOf(tenant);
        return configuration.policies(tenant, history);
    }

    @POST
    @Path("/deadline-policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Adopt a deadline policy; it replaces the one in force for the same stage, category and "
            + "severity for clocks that start from now on")
    @RequestBody(content = @Content(schema = @Schema(implementation = PolicySettings.class)))
    public Response adoptPolicy(@PathParam("tenant") String tenant, byte[] body) {
        access.requireMemberOf(tenant);
        PolicyView adopted = configuration.adoptPolicy(tenant, json.read(body, PolicySettings.class), access.subject());
        return Response.status(Response.Status.CREATED).entity(adopted).build();
    }

    @DELETE
    @Path("/deadline-policies/{id}")
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Retire a deadline policy; running clocks keep their deadlines")
    public PolicyView retirePolicy(@PathParam("tenant") String tenant, @PathParam("id") UUID id) {
        access.requireMemberOf(tenant);
        return configuration.retirePolicy(tenant, id, access.subject());
    }

    // Reward rules

    @GET
    @Path("/reward-rules")
    @Operation(summary = "The reward rules in force, or with history=true every version ever adopted")
    public List<RewardRuleView> rewardRules(@PathParam("tenant") String tenant, @QueryParam("history") boolean history) {
        access.requireMemberOf(tenant);
        return configuration.rewardRules(tenant, history);
    }

    @POST
    @Path("/reward-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Adopt a reward rule {category?, severity?, kind: FIXED|PERCENTAGE, amount | percent, minimum?, "
            + "cap?, currency?, claimWindowDays?, firstReporterOnly?}; it replaces the one in force for the same scope")
    @RequestBody(content = @Content(schema = @Schema(implementation = RewardRuleSettings.class)))
    public Response adoptRewardRule(@PathParam("tenant") String tenant, byte[] body) {
        access.requireMemberOf(tenant);
        RewardRuleView adopted = configuration.adoptRewardRule(tenant, json.read(body, RewardRuleSettings.class),
                access.subject());
        return Response.status(Response.Status.CREATED).entity(adopted).build();
    }

    @DELETE
    @Path("/reward-rules/{id}")
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Retire a reward rule; rewards already proposed keep their amounts")
    public RewardRuleView retireRewardRule(@PathParam("tenant") String tenant, @PathParam("id") UUID id) {
        access.requireMemberOf(tenant);
        return configuration.retireRewardRule(tenant, id, access.subject());
    }

    // Working calendar

    @GET
    @Path("/calendar")
    @Operation(summary = "The working calendar: time zone, rest days, the years listed, and warnings")
    public CalendarView calendar(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        return configuration.calendar(tenant);
    }

    @PUT
    @Path("/calendar")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Change the time zone and the weekly rest days")
    @RequestBody(content = @Content(schema = @Schema(implementation = WorkingWeek.class)))
    public CalendarView reviseWorkingWeek(@PathParam("tenant") String tenant, byte[] body) {
        access.requireMemberOf(tenant);
        return configuration.reviseWorkingWeek(tenant, json.read(body, WorkingWeek.class), access.subject());
    }

    @GET
    @Path("/calendar/years/" + YEAR)
    @Operation(summary = "A year's holidays and make-up working days")
    public YearDays year(@PathParam("tenant") String tenant, @PathParam("year") int year) {
        access.requireMemberOf(tenant);
        return new YearDays(year, configuration.calendarYear(tenant, year));
    }

    @GET
    @Path("/calendar/years/" + YEAR + ".csv")
    @Produces(TEXT_CSV + "; charset=UTF-8")
    @Operation(summary = "A year's listed days as CSV (date,kind,name_zh,name_en)")
    public Response yearCsv(@PathParam("tenant") String tenant, @PathParam("year") int year) {
        access.requireMemberOf(tenant);
        return download(CalendarFiles.toCsv(configuration.listedDays(tenant, year)), tenant + "-calendar-" + year + ".csv");
    }

    @GET
    @Path("/calendar/years/" + YEAR + ".ics")
    @Produces(TEXT_CALENDAR + "; charset=UTF-8")
    @Operation(summary = "A year's listed days as iCalendar, one all-day event per day")
    public Response yearIcs(@PathParam("tenant") String tenant, @PathParam("year") int year) {
        access.requireMemberOf(tenant);
        String ics = CalendarFiles.toIcs(tenant + " " + year, configuration.listedDays(tenant, year), clock.instant());
        return download(ics, tenant + "-calendar-" + year + ".ics");
    }

    @PUT
    @Path("/calendar/years/" + YEAR)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Replace a year's listed days (JSON); the year then counts as complete")
    @RequestBody(content = @Content(schema = @Schema(implementation = YearUpload.class)))
    public YearView replaceYear(@PathParam("tenant") String tenant, @PathParam("year") int year, byte[] body) {
        access.requireMemberOf(tenant);
        YearUpload upload = json.read(body, YearUpload.class);
        return configuration.replaceYear(tenant, year, upload.source(), upload.days(), access.subject());
    }

    @PUT
    @Path("/calendar/years/" + YEAR)
    @Consumes(TEXT_CSV)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Replace a year's listed days from CSV (date,kind,name_zh,name_en)")
    public YearView importCsv(@PathParam("tenant") String tenant, @PathParam("year") int year,
                              @QueryParam("source") String source, byte[] body) {
        access.requireMemberOf(tenant);
        return configuration.replaceYear(tenant, year, source, CalendarFiles.fromCsv(utf8(body)), access.subject());
    }

    @PUT
    @Path("/calendar/years/" + YEAR)
    @Consumes(TEXT_CALENDAR)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Replace a year's listed days from an iCalendar file")
    public YearView importIcs(@PathParam("tenant") String tenant, @PathParam("year") int year,
                              @QueryParam("source") String source, byte[] body) {
        access.requireMemberOf(tenant);
        return configuration.replaceYear(tenant, year, source, CalendarFiles.fromIcs(utf8(body)), access.subject());
    }

    @DELETE
    @Path("/calendar/years/" + YEAR)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Remove a year's listed days; deadlines in it are then counted on the weekly pattern and flagged")
    public Response removeYear(@PathParam("tenant") String tenant, @PathParam("year") int year) {
        access.requireMemberOf(tenant);
        configuration.removeYear(tenant, year, access.subject());
        return Response.noContent().build();
    }

    // Disclosure

    @GET
    @Path("/disclosure")
    @Operation(summary = "Which statistics are public, the small-cell threshold, report periods and branding")
    public Response disclosure(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        DisclosureView view = configuration.disclosure(tenant);
        return Response.ok(view).tag(VersionTags.tag(view.version())).build();
    }

    @PUT
    @Path("/disclosure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Change the disclosure settings (If-Match optional)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DisclosureChoices.class)))
    public Response reviseDisclosure(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     byte[] body) {
        access.requireMemberOf(tenant);
        DisclosureView view = configuration.reviseDisclosure(tenant, json.read(body, DisclosureChoices.class),
                VersionTags.optional(ifMatch, "disclosure settings"), access.subject());
        return Response.ok(view).tag(VersionTags.tag(view.version())).build();
    }

    @PUT
    @Path("/disclosure/logo")
    @Consumes({"image/png", "image/jpeg"})
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Replace the logo (PNG or JPEG, at most 256 KiB)")
    public DisclosureView replaceLogo(@PathParam("tenant") String tenant,
                                      byte[] body) {
        access.requireMemberOf(tenant);
        return configuration.replaceLogo(tenant, Logo.of(body), access.subject());
    }

    @DELETE
    @Path("/disclosure/logo")
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Remove the logo")
    public DisclosureView removeLogo(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        return configuration.replaceLogo(tenant, null, access.subject());
    }

    // Retention

    @GET
    @Path("/retention")
    @Operation(summary = "How long ended cases' personal data is kept, and where the retention purge stands")
    public Response retention(@PathParam("tenant") String tenant) {
        access.requireMemberOf(tenant);
        RetentionView view = retention.view(tenant);
        return Response.ok(view).tag(VersionTags.tag(view.version())).build();
    }

    @PUT
    @Path("/retention")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Change how many months ended cases' personal data is kept, at least 24 (If-Match optional)")
    @RequestBody(content = @Content(schema = @Schema(implementation = RetentionChoice.class)))
    public Response reviseRetention(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    byte[] body) {
        access.requireMemberOf(tenant);
        RetentionView view = retention.revise(tenant, json.read(body, RetentionChoice.class),
                VersionTags.optional(ifMatch, "retention"), access.subject());
        return Response.ok(view).tag(VersionTags.tag(view.version())).build();
    }

    private static Response download(String text, String fileName) {
        return Response.ok(text).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** The body as UTF-8 text, refusing bytes that are not, and files far larger than any year's calendar. */
    private static String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidInput.of("", "request body is required");
        }
        if (body.length > MAX_CALENDAR_FILE_BYTES) {
            throw InvalidInput.of("", "must be at most " + MAX_CALENDAR_FILE_BYTES / 1024
                    + " KiB: a year's calendar file is far smaller");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInput.of("", "is not valid UTF-8 text");
        }
    }
}
