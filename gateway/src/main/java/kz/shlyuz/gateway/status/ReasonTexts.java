package kz.shlyuz.gateway.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The refusal messages of {@link Reason}, read once from {@code reasons.properties} (UTF-8). */
final class ReasonTexts {
    private static final Properties TEXTS = load();

    private ReasonTexts() {}

    /** The message of {@code reason} in {@code language} (kk or ru); a missing one stops the class loading. */
    static String text(String reason, String language) {
        String text = TEXTS.getProperty(reason + "." + language);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("reasons.properties has no " + reason + "." + language);
        }
        return text;
    }

    private static Properties load() {
        try (InputStream in = ReasonTexts.class.getResourceAsStream("reasons.properties")) {
            if (in == null) {
                throw new IllegalStateException("reasons.properties is missing beside " + Reason.class.getName());
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
