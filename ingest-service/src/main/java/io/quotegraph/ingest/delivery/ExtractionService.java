package io.quotegraph.ingest.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ArticleExtraction;
import io.quotegraph.model.Extraction;
import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Runs the extraction engine (one thread-safe instance) and converts its result to and from the stored JSON. */
// loaded before the readiness probe passes, not by the first request (which then timed out on a loaded machine)
@Startup
@ApplicationScoped
public class ExtractionService {

    /** The languages the rule- and lexicon-based extractor is written for (primary language subtags). */
    public static final List<String> SUPPORTED_LANGUAGES = List.of("en");

    private final StatementExtractor extractor = new StatementExtractor();

    /**
     * Whether the extractor can read an article in this language ("en", "en-GB", …). An unknown language (null: not
     * given and not detected with confidence, typically a very short text) is given the benefit of the doubt.
     */
    public static boolean supports(String language) {
        if (language == null) {
            return true;
        }
        int dash = language.indexOf('-');
        String primary = (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
        return SUPPORTED_LANGUAGES.contains(primary);
    }

    @Inject
    ObjectMapper mapper;

    private ObjectReader storedReader;

    @PostConstruct
    void init() {
        // stored results may come from an older model: tolerate fields that no longer exist
        storedReader = mapper.readerFor(Extraction.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @io.micrometer.core.annotation.Timed(value = "quotegraph.extraction", histogram = true, description = "Extracting the statements of one article")
    public Extraction extract(String text, Instant publishedAt) {
        return extractor.extract(text, publishedAt);
    }

    public String toJson(Extraction extraction) {
        try {
            return mapper.writeValueAsString(extraction);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the extraction", e);
        }
    }

    /**
     * An article's delivery payload as sent: the JSON of {@link ArticleExtraction}, with the extraction's JSON as
     * given ({@link #toJson}), so that nothing is serialised twice.
     */
    public byte[] payloadJson(UUID articleId, String url, String source, String title, Instant publishedAt,
                              String language, String extractionJson) {
        try {
            return mapper.writeValueAsBytes(new PayloadJson(articleId.toString(), url, source, title, publishedAt,
                    language, extractionJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the payload", e);
        }
    }

    public Extraction fromJson(String json) {
        try {
            return storedReader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read the stored extraction", e);
        }
    }
}
