package io.qinglang.admin.console.settings;

import io.qinglang.admin.configuration.application.TenantConfigurationView.CategoryView;
import io.qinglang.admin.console.application.ConsoleSession;
import io.qinglang.admin.console.web.ConsoleView;
import io.qinglang.admin.console.web.PostedForm;
import io.qinglang.admin.console.web.Reader;
import io.qinglang.admin.console.web.SignedIn;
import io.qinglang.platform.shared.application.LostRace;
import io.qinglang.platform.shared.domain.ConcurrentUpdate;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.web.pages.Csrf;
import io.qinglang.platform.shared.web.pages.FieldMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every administration page does alike: only the body's tenant admins come in; a form is checked for its token,
 * saved whole or not at all, and on bad input comes back with what was typed and each field marked in the reader's
 * language; a form made from a page someone else has since changed comes back saying so (409), nothing overwritten.
 */
@RequestScoped
public class AdminPage {

    /** Shows a form again: its values as typed and its errors by field. */
    @FunctionalInterface
    public interface Again {
        Response render(int status, Map<String, String> values, Map<String, String> errors);
    }

    private final SignedIn signedIn;
    private final ConsoleView view;

    @Inject
    public AdminPage(SignedIn signedIn, ConsoleView view) {
        this.signedIn = signedIn;
        this.view = view;
    }

    /** The signed-in tenant admin; anyone else gets the 403 page. */
    public ConsoleSession admin() {
        return signedIn.require("tenant-admin");
    }

    public String tenant() {
        return admin().tenant();
    }

    public String actor() {
        return admin().username();
    }

    public Response page(int status, String name, Map<String, ?> model, Reader reader) {
        admin();
        return view.page(status, name, model, reader);
    }

    public Map<String, String> texts(Reader reader) {
        return view.texts(reader);
    }

    /** Refuses a form without the session's token, or from anyone but a tenant admin. */
    public void checkForm(MultivaluedMap<String, String> form) {
        signedIn.checkForm(form.getFirst(Csrf.FIELD));
        admin();
    }

    /** Posts a form: {@code save} writes and says where to go next; if it cannot, {@code again} shows the form. */
    public Response submit(MultivaluedMap<String, String> form, Reader reader, Supplier<URI> save, Again again) {
        checkForm(form);
        Map<String, String> typed = PostedForm.typed(form);
        try {
            return Response.seeOther(save.get()).build();
        } catch (InvalidInput e) {
            return again.render(400, typed, errors(e, reader));
        } catch (ConcurrentUpdate e) {
            return again.render(409, typed, Map.of("form", texts(reader).get("admin.changedMeanwhile")));
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT && e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            return again.render(e.kind() == DomainException.Kind.CONFLICT ? 409 : 400, typed, Map.of("form", e.getMessage()));
        } catch (RuntimeException e) {
            if (!LostRace.is(e)) {
                throw e;
            }
            return again.render(409, typed, Map.of("form", texts(reader).get("admin.changedMeanwhile")));
        }
    }

    public Map<String, String> errors(InvalidInput e, Reader reader) {
        return FieldMessages.of(e, AdminPage::field, texts(reader));
    }

    /** {@code /nameZh} → {@code nameZh}; {@code /extension/amount} → {@code extension.amount}; {@code /days/3/date} → {@code days}. */
    static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.replaceFirst("^/", "").split("/")) {
            if (part.isEmpty() || part.chars().allMatch(Character::isDigit)) {
                break;
            }
            field.append(field.isEmpty() ? "" : ".").append(part);
        }
        return field.isEmpty() ? "form" : field.toString();
    }

    /** Choices for a select: each value with its label from the texts ({@code prefix + value}). */
    public static Map<String, String> options(Map<String, String> texts, String prefix, List<String> values) {
        Map<String, String> options = new LinkedHashMap<>();
        values.forEach(v -> options.put(v, texts.getOrDefault(prefix + v, v)));
        return options;
    }

    /** The body's categories by code, named in the reader's language; {@code activeOnly}: those still offered. */
    public static Map<String, String> categoryNames(List<CategoryView> categories, Reader reader, boolean activeOnly) {
        boolean english = "en".equals(reader.language().tag());
        Map<String, String> names = new LinkedHashMap<>();
        categories.stream().filter(c -> !activeOnly || c.active()).forEach(c -> names.put(c.code(),
                english && c.nameEn() != null && !c.nameEn().isBlank() ? c.nameEn() : c.nameZh()));
        return names;
    }

    /** A record's components as the form fields that show it (nulls left out). */
    public static Map<String, String> values(Record record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var component : record.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(record);
                if (value != null) {
                    values.put(component.getName(), String.valueOf(value));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }
}
