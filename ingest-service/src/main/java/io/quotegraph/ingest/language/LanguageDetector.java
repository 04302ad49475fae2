package io.quotegraph.ingest.language;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Detects an article's language with Apache OpenNLP's language detector and its 103-language model
 * ({@code opennlp-models-langdetect}, loaded from the classpath). Codes are answered as ISO 639-1 ("en") where one
 * exists, else as the model's ISO 639-3 code. A detection below {@link #MIN_CONFIDENCE} (typical of a few words) is
 * no detection: the language stays unknown.
 */
// loaded before the readiness probe passes, not by the first request (which then timed out on a loaded machine)
@Startup
@ApplicationScoped
public class LanguageDetector {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Below this the detector is guessing (short or mixed texts); measured on the sample and the tests' texts. */
    public static final double MIN_CONFIDENCE = 0.5;
    /**
     * The detector reads at most this many characters: its cost grows with the text (about 2 ms per 1,000 characters
     * on one core), its accuracy does not beyond a few hundred characters of prose.
     */
    static final int MAX_CHARS = 1000;

    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private final LanguageDetectorModel model;

    public LanguageDetector() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the language model " + MODEL_RESOURCE + " is not on the classpath");
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the language model", e);
        }
    }

    public record Detection(String language, double confidence) {
    }

    /** The most probable language with its confidence, or empty if the detector is not confident enough. */
    public Optional<Detection> detect(String text) {
        String sample = text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
        // LanguageDetectorME keeps per-call state: one per call (cheap; the model is shared and thread-safe)
        Language best = new LanguageDetectorME(model).predictLanguage(sample);
        if (best == null || best.getConfidence() < MIN_CONFIDENCE) {
            return Optional.empty();
        }
        return Optional.of(new Detection(toIso1(best.getLang()), best.getConfidence()));
    }

    /** "eng" → "en"; codes without a two-letter form (and the model's macro-language variants) stay as they are. */
    static String toIso1(String code) {
        return ISO3_TO_ISO1.getOrDefault(code, code);
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(new Locale(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException e) {
                // no three-letter form
            }
        }
        // the model uses some ISO 639-3 individual-language codes where Java knows the macro-language
        map.put("cmn", "zh");
        map.put("pes", "fa");
        map.put("zsm", "ms");
        map.put("lvs", "lv");
        map.put("ekk", "et");
        map.put("azj", "az");
        map.put("uzn", "uz");
        map.put("swh", "sw");
        map.put("npi", "ne");
        map.put("khk", "mn");
        map.put("plt", "mg");
        map.put("gug", "gn");
        map.put("ory", "or");
        return Map.copyOf(map);
    }
}
