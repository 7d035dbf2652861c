package kz.shlyuz.gateway.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The console's server-rendered pages: Thymeleaf templates on the class path (escaped by default),
 * with their words in Kazakh ({@code kk}, the default) or Russian ({@code ru}) from
 * {@code console/texts_<lang>.properties}.
 */
final class Pages {
    static final String ROOT = "kz/shlyuz/gateway/console/";
    /** The languages the console speaks, the first the default. */
    static final java.util.List<String> LANGUAGES = java.util.List.of("kk", "ru");

    private final TemplateEngine engine = new TemplateEngine();
    private final Map<String, Properties> texts;

    Pages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix(ROOT + "templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        texts = Map.of("kk", load("kk"), "ru", load("ru"));
    }

    private static Properties load(String lang) {
        Properties p = new Properties();
        try (InputStream in =
                Pages.class.getClassLoader().getResourceAsStream(ROOT + "texts_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("console: texts_" + lang + ".properties missing from the jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The words of {@code lang} (the default language's for an unknown one). */
    Properties texts(String lang) {
        return texts.getOrDefault(lang, texts.get(LANGUAGES.get(0)));
    }

    String render(String template, String lang, Map<String, Object> model) {
        Context context = new Context(Locale.forLanguageTag(lang), model);
        // A plain map: the templates index it (t of nav.journal), calling no method of Properties.
        java.util.Map<String, String> words = new java.util.HashMap<>();
        texts(lang).forEach((k, v) -> words.put((String) k, (String) v));
        context.setVariable("t", words);
        context.setVariable("lang", lang);
        return engine.process(template, context);
    }
}
