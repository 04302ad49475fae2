package io.quotegraph.ingest.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.Extraction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** Runs the extraction engine (one thread-safe instance) and converts its result to and from the stored JSON. */
@ApplicationScoped
public class ExtractionService {

    private final StatementExtractor extractor = new StatementExtractor();

    @Inject
    ObjectMapper mapper;

    private ObjectReader storedReader;

    @PostConstruct
    void init() {
        // stored results may come from an older model: tolerate fields that no longer exist
        storedReader = mapper.readerFor(Extraction.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

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

    public Extraction fromJson(String json) {
        try {
            return storedReader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read the stored extraction", e);
        }
    }
}
