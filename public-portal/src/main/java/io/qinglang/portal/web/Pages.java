package io.qinglang.portal.web;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the portal's templates. Every template is {@code .ftlh}, so FreeMarker escapes every interpolation as
 * HTML: whatever a reporter or an admin typed is shown as text, never run as markup. A template error is a bug and
 * fails loudly instead of printing half a page.
 */
@ApplicationScoped
public class Pages {

    private final Configuration freemarker;

    public Pages() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new ClassTemplateLoader(Pages.class, "/io/qinglang/portal/templates"));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setURLEscapingCharset("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setAPIBuiltinEnabled(false);
    }

    /** The page {@code name}.ftlh with the model, the language's texts as {@code t} and the language as {@code lang}. */
    public String render(String name, Map<String, ?> model, Language language) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("t", Messages.of(language.locale()));
        all.put("lang", language.tag());
        all.put("otherLang", language.other().tag());
        try {
            StringWriter out = new StringWriter();
            var template = freemarker.getTemplate(name + ".ftlh", language.locale());
            template.process(all, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("page " + name + " failed to render", e);
        }
    }

    static Locale locale(String tag) {
        return Locale.forLanguageTag(tag);
    }
}
