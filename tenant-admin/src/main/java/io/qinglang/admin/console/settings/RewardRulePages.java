package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.ConfigurationChange.RewardRuleSettings;
import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.TenantConfigurationView;
import io.qinglang.admin.configuration.application.TenantConfigurationView.RewardRuleView;
import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.domain.Severity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The body's reward rules for all cases or one category and/or severity: those in force, every version ever adopted
 * (who, when, what it replaced), adopting one (refused if the rules in force changed since the page was read) and
 * retiring one. Rewards already proposed keep their amounts.
 */
@Path("/admin/rewards")
@RequestScoped
@Produces(ConsoleView.HTML)
public class RewardRulePages {

    private final ConfigurationService configuration;
    private final AdminPage admin;

    @Inject
    public RewardRulePages(ConfigurationService configuration, AdminPage admin) {
        this.configuration = configuration;
        this.admin = admin;
    }

    @GET
    public Response list(@QueryParam("history") boolean history, @QueryParam("adopted") boolean adopted,
                         @BeanParam Reader reader) {
        Map<String, Object> extra = new HashMap<>();
        if (adopted) {
            extra.put("adopted", true);
        }
        return render(200, Map.of("kind", "FIXED", "currency", "CNY", "claimWindowDays", "90"), Map.of(), history, extra,
                reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response adopt(MultivaluedMap<String, String> posted, @BeanParam Reader reader) {
        MultivaluedMap<String, String> form = PostedForm.withBoxes(posted, "firstReporterOnly");
        return admin.submit(form, reader, () -> {
            configuration.adoptRewardRule(admin.tenant(),
                    (RewardRuleSettings) FormBinding.bind(RewardRuleSettings.class, form), admin.actor(),
                    seen(form.getFirst("seen")));
            return UriBuilder.fromPath("/console/admin/rewards").queryParam("adopted", true).build();
        }, (status, values, errors) -> render(status, values, errors, false, Map.of(), reader));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") UUID id, MultivaluedMap<String, String> form, @BeanParam Reader reader) {
        return admin.submit(form, reader, () -> {
            configuration.retireRewardRule(admin.tenant(), id, admin.actor());
            return UriBuilder.fromPath("/console/admin/rewards").build();
        }, (status, values, errors) -> render(status, Map.of("kind", "FIXED"), errors, false, Map.of(), reader));
    }

    /** The rules in force when the form's page was read, as it listed them. */
    private static Set<UUID> seen(String listed) {
        if (listed == null) {
            throw InvalidInput.of("/form", "the form does not say which rules were in force when it was read");
        }
        Set<UUID> seen = new HashSet<>();
        for (String id : listed.split(",")) {
            if (!id.isBlank()) {
                try {
                    seen.add(UUID.fromString(id.strip()));
                } catch (IllegalArgumentException e) {
                    throw InvalidInput.of("/form", "the form names no rule");
                }
            }
        }
        return seen;
    }

    private Response render(int status, Map<String, String> values, Map<String, String> errors, boolean history,
                            Map<String, Object> extra, Reader reader) {
        String tenant = admin.tenant();
        Map<String, String> texts = admin.texts(reader);
        List<RewardRuleView> inForce = configuration.rewardRules(tenant, false);
        TenantConfigurationView view = configuration.view(tenant);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("rules", inForce);
        model.put("seen", inForce.stream().map(r -> r.id().toString()).collect(Collectors.joining(",")));
        if (history) {
            model.put("history", configuration.rewardRules(tenant, true));
        }
        model.put("values", values);
        model.put("errors", errors);
        model.put("kinds", AdminPage.options(texts, "rewardKind.", List.of("FIXED", "PERCENTAGE")));
        model.put("severities", AdminPage.options(texts, "severity.", Arrays.stream(Severity.values()).map(Enum::name).toList()));
        model.put("categories", AdminPage.categoryNames(view.categories(), reader, true));
        model.put("categoryNames", AdminPage.categoryNames(view.categories(), reader, false));
        return admin.page(status, "admin-rewards", model, reader);
    }
}
