package io.qinglang.portal.web;

import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateScalarModel;
import io.qinglang.platform.configuration.application.PublicConfiguration;
import io.qinglang.platform.configuration.application.PublicConfigurations;
import io.qinglang.platform.shared.web.pages.Language;
import io.qinglang.platform.statistics.application.StatisticsService;
import io.qinglang.platform.statistics.domain.Period;
import io.qinglang.platform.statistics.domain.PeriodRefused;
import io.qinglang.platform.statistics.domain.PublishedStatistics;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant's published statistics for a closed period, chosen with a plain form (no script): the summary in the
 * shape of the national 12377 monthly release, the tables with bar charts drawn as SVG on the server, and links to
 * the same figures as CSV and JSON.
 */
@Path("/t/{tenant}/statistics")
@RequestScoped
@PermitAll
@Produces(PortalResource.HTML)
public class StatisticsPages {

    /** {@code chartLabel(name, narrow)} in the template: the name laid out beside its bar, or above it on a phone. */
    private static final TemplateMethodModelEx CHART_LABEL = arguments -> ChartLabel.of(
            ((TemplateScalarModel) arguments.get(0)).getAsString(),
            ((TemplateBooleanModel) arguments.get(1)).getAsBoolean() ? ChartLabel.NARROW_EM : ChartLabel.WIDTH_EM);

    private final PortalPages pages;
    private final StatisticsService statistics;
    private final PublicConfigurations configurations;

    @Inject
    public StatisticsPages(PortalPages pages, StatisticsService statistics, PublicConfigurations configurations) {
        this.pages = pages;
        this.statistics = statistics;
        this.configurations = configurations;
    }

    @GET
    public Response page(@PathParam("tenant") String tenant, @QueryParam("period") String period,
                         @QueryParam("lang") String lang, @CookieParam(Language.COOKIE) String cookie,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Language language = Language.choose(lang, cookie, accept);
        PublicConfiguration body = configurations.of(tenant);
        if (body.departure() != null) {
            // a body that left (or is leaving) publishes nothing here any more: its page says so
            int gone = body.departure().state().equals("LEFT") ? 410 : 404;
            return Response.status(gone).entity(pages.render("landing", Map.of("tenant", body), language))
                    .type(PortalResource.HTML).header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).build();
        }
        StatisticsService.Periods periods = statistics.periods(tenant);
        String chosen = period == null || period.isBlank() ? periods.latest() : period.strip();
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", body);
        model.put("periods", periods);
        model.put("labels", labels(periods, language));
        model.put("keep", "period=" + chosen);
        model.put("chartLabel", CHART_LABEL);
        int status = 200;
        try {
            PublishedStatistics published = statistics.publish(tenant, chosen, "/query/period");
            model.put("stats", published);
            model.put("periodLabel", label(Period.parse(chosen, "/query/period"), language));
        } catch (PeriodRefused refused) {
            model.put("refused", refused.code());
            model.put("keep", "");
            status = 400;
        }
        return Response.status(status).entity(pages.render("statistics", model, language)).type(PortalResource.HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).header(HttpHeaders.VARY, "Accept-Language, Cookie")
                .build();
    }

    private static Map<String, String> labels(StatisticsService.Periods periods, Language language) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (List<String> list : List.of(periods.months(), periods.quarters(), periods.years())) {
            list.forEach(p -> labels.put(p, label(Period.parse(p, "/query/period"), language)));
        }
        return labels;
    }

    /** 2025年3月 / March 2025, 2025年第1季度 / Q1 2025, 2025年 / 2025. */
    static String label(Period period, Language language) {
        boolean zh = language.tag().startsWith("zh");
        int year = period.first().getYear();
        return switch (period.type()) {
            case MONTH -> zh ? year + "年" + period.first().getMonthValue() + "月"
                    : period.first().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
            case QUARTER -> zh ? year + "年第" + ((period.first().getMonthValue() + 2) / 3) + "季度"
                    : "Q" + ((period.first().getMonthValue() + 2) / 3) + " " + year;
            case YEAR -> zh ? year + "年" : Integer.toString(year);
        };
    }
}
