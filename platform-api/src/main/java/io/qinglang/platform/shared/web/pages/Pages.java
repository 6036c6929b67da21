package io.qinglang.platform.shared.web.pages;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders one module's pages: its own templates first, then the shared ones ({@code layout.ftlh}, the frame of every
 * page of the portal and the console). Every template is {@code .ftlh}, so FreeMarker escapes every interpolation as
 * HTML: whatever a reporter, a member of staff or an admin typed is shown as text, never run as markup. A template
 * error is a bug and fails loudly instead of printing half a page.
 */
public class Pages {

    static final String SHARED_TEMPLATES = "/io/qinglang/platform/shared/web/pages";

    private final Configuration freemarker;
    private final Messages messages;

    /** Pages from the templates under {@code templates} (a class-path folder), with the texts of {@code messages}. */
    public Pages(String templates, Messages messages) {
        this.messages = messages;
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[]{
                new ClassTemplateLoader(Pages.class, templates), new ClassTemplateLoader(Pages.class, SHARED_TEMPLATES)}));
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
        all.put("t", messages.of(language));
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

    /** The texts these pages show. */
    public Messages messages() {
        return messages;
    }
}
