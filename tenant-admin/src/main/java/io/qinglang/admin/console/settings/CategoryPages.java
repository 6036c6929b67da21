package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.ConfigurationChange.CategorySettings;
import io.qinglang.admin.configuration.application.ConfigurationService;
import io.qinglang.admin.configuration.application.TenantConfigurationView.CategoryView;
import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.FormBinding;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.platform.shared.domain.NotFound;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body's category tree: names in both languages, default severity, urgency, the legal basis, and retiring a
 * category (a retired one stays on its cases, and new reports can no longer choose it).
 */
@Path("/admin/categories")
@RequestScoped
@Produces(ConsoleView.HTML)
public class CategoryPages {

    /** A category in the tree, with how deep it sits. */
    public record Placed(CategoryView category, int depth) {
    }

    private final ConfigurationService configuration;
    private final AdminPage admin;

    @Inject
    public CategoryPages(ConfigurationService configuration, AdminPage admin) {
        this.configuration = configuration;
        this.admin = admin;
    }

    @GET
    public Response list(@QueryParam("saved") String saved, @BeanParam Reader reader) {
        return render(200, Map.of("version", "0", "active", "true", "defaultSeverity", "ORDINARY"), Map.of(), saved,
                reader);
    }

    @GET
    @Path("/{code}")
    public Response edit(@PathParam("code") String code, @BeanParam Reader reader) {
        CategoryView category = categories().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("CATEGORY_NOT_FOUND", "No category " + code + " at this body."));
        return render(200, AdminPage.values(category), Map.of(), null, reader);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> posted, @BeanParam Reader reader) {
        MultivaluedMap<String, String> form = PostedForm.withBoxes(posted, "active", "urgent");
        return admin.submit(form, reader, () -> {
            String code = form.getFirst("code") == null ? null : form.getFirst("code").strip();
            long version = PostedForm.version(form);
            CategorySettings settings = (CategorySettings) FormBinding.bind(CategorySettings.class, form);
            configuration.putCategory(admin.tenant(), code, settings, version, admin.actor());
            return UriBuilder.fromPath("/console/admin/categories").queryParam("saved", code).build();
        }, (status, values, errors) -> render(status, values, errors, null, reader));
    }

    private List<CategoryView> categories() {
        return configuration.view(admin.tenant()).categories();
    }

    /** The categories as a tree: each parent followed by its children, by sort order then code. */
    static List<Placed> tree(List<CategoryView> all) {
        Map<String, List<CategoryView>> children = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparingInt(CategoryView::sortOrder).thenComparing(CategoryView::code))
                .forEach(c -> children.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c));
        List<Placed> placed = new ArrayList<>();
        place(children, null, 0, placed);
        if (placed.size() < all.size()) { // a parent that is not listed: show its children at the top, never lose them
            all.stream().filter(c -> placed.stream().noneMatch(p -> p.category() == c)).forEach(c -> placed.add(new Placed(c, 0)));
        }
        return placed;
    }

    private static void place(Map<String, List<CategoryView>> children, String parent, int depth, List<Placed> placed) {
        for (CategoryView c : children.getOrDefault(parent, List.of())) {
            placed.add(new Placed(c, depth));
            if (depth < 10) {
                place(children, c.code(), depth + 1, placed);
            }
        }
    }

    private Response render(int status, Map<String, String> values, Map<String, String> errors, String saved,
                            Reader reader) {
        List<CategoryView> all = categories();
        Map<String, String> texts = admin.texts(reader);
        Map<String, Object> model = new HashMap<>();
        model.put("tree", tree(all));
        model.put("values", values);
        model.put("errors", errors);
        model.put("severities", AdminPage.options(texts, "severity.",
                Arrays.stream(Severity.values()).map(Enum::name).toList()));
        Map<String, String> names = AdminPage.categoryNames(all, reader, false);
        Map<String, String> parents = new LinkedHashMap<>();
        tree(all).stream().filter(p -> p.category().active() && !p.category().code().equals(values.get("code")))
                .forEach(p -> parents.put(p.category().code(), "— ".repeat(p.depth()) + names.get(p.category().code())));
        model.put("parents", parents);
        if (saved != null) {
            model.put("saved", saved);
        }
        return admin.page(status, "admin-categories", model, reader);
    }
}
