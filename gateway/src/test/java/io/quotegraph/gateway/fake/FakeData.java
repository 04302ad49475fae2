package io.quotegraph.gateway.fake;

import io.quotegraph.model.EntityType;
import io.quotegraph.model.Span;
import io.quotegraph.model.StatementKind;
import io.quotegraph.model.view.ArticleStatus;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.EventView;
import io.quotegraph.model.view.QuotationOccurrenceView;
import io.quotegraph.model.view.QuotationView;
import io.quotegraph.model.view.SimilarStatementView;
import io.quotegraph.model.view.RoleView;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.model.view.StatementView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fixed data set the fake backends serve. */
public final class FakeData {

    public static final List<ArticleView> ARTICLES = new ArrayList<>();
    public static final List<SpeakerView> SPEAKERS = new ArrayList<>();
    public static final List<EventView> EVENTS = new ArrayList<>();
    public static final List<StatementView> STATEMENTS = new ArrayList<>();

    static {
        article("a1", "reuters", "2026-11-01T10:00:00Z", "Summit opens",
                "Jane Doe said \"We will act on climate now.\" John Roe told reporters the talks were difficult.");
        article("a2", "bbc", "2026-11-02T10:00:00Z", "Summit, day two",
                "\"Progress is real,\" Jane Doe said. ACME Corp said it welcomed the climate deal. Someone said nothing changed.");
        article("a3", "reuters", "2026-11-03T10:00:00Z", "ACME press conference",
                "ACME Corp announced that profits doubled, a spokesman said.");
        article("a4", "ap", "2026-11-04T10:00:00Z", "Interview",
                "In an interview Jane Doe said the climate plan was \"only a start\".");
        article("a5", "bbc", "2026-11-05T10:00:00Z", "Weather", "It rained all day.");

        SPEAKERS.add(new SpeakerView("s1", "Jane Doe", EntityType.PERSON, List.of("Doe", "J. Doe"),
                List.of(new RoleView("minister", "Ministry of Environment", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-04"))), 3));
        SPEAKERS.add(new SpeakerView("s2", "ACME Corp", EntityType.ORGANIZATION, List.of("ACME"), List.of(), 2));
        SPEAKERS.add(new SpeakerView("s3", "John Roe", EntityType.PERSON, List.of(), List.of(), 1));

        EVENTS.add(new EventView("e1", "summit", "Climate summit", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"),
                false, "HAPPENED", List.of("s1", "s3"), List.of("a1", "a2")));
        EVENTS.add(new EventView("e2", "press-conference", "ACME results", LocalDate.parse("2026-11-03"), null,
                true, "HAPPENED", List.of("s2"), List.of("a3")));

        statement("a1", 0, StatementKind.DIRECT, "We will act on climate now.", "said", "Jane Doe", "s1", "e1");
        statement("a1", 1, StatementKind.INDIRECT, "the talks were difficult", "told reporters", "John Roe", "s3", "e1");
        statement("a2", 0, StatementKind.DIRECT, "Progress is real,", "said", "Jane Doe", "s1", "e1");
        statement("a2", 1, StatementKind.INDIRECT, "it welcomed the climate deal", "said", "ACME Corp", "s2", null);
        statement("a2", 2, StatementKind.INDIRECT, "nothing changed", "said", null, null, null);
        statement("a3", 0, StatementKind.INDIRECT, "profits doubled", "announced", "ACME Corp", "s2", "e2");
        statement("a4", 0, StatementKind.MIXED, "the climate plan was \"only a start\"", "said", "Jane Doe", "s1", null);
    }

    /** How the articles' names of speaker s1 (Jane Doe) were linked to her. */
    public static final List<io.quotegraph.model.view.SpeakerLinkView> S1_LINKS = List.of(
            new io.quotegraph.model.view.SpeakerLinkView("a1", "S1", "Jane Doe", false, 1.0, "full name 'jane doe'", "EXACT_NAME"),
            new io.quotegraph.model.view.SpeakerLinkView("a4", "S2", "Doe", false, 0.9,
                    "surname 'doe' matches the only compatible full name 'jane doe', organisation agrees", "SURNAME_COMPATIBLE_ROLE"));
    public static final List<io.quotegraph.model.view.AliasLinkView> S1_ALIASES = List.of(
            new io.quotegraph.model.view.AliasLinkView("Jane Doe", 1.0, "the article's name 'Jane Doe'", "EXACT_NAME"),
            new io.quotegraph.model.view.AliasLinkView("the minister", 0.9, "within the article, 'the minister' stands for 'Doe'", "ANTECEDENT"));

    /** Entities that are not speakers (places), served by /entities with the speakers. */
    public static final List<SpeakerView> PLACES = new ArrayList<>();

    static {
        PLACES.add(new SpeakerView("p1", "Nagorno-Karabakh", EntityType.LOCATION, List.of("Karabakh", "Artsakh"), List.of(), 0));
        PLACES.add(new SpeakerView("p2", "Azerbaijan", EntityType.COUNTRY, List.of(), List.of(), 0));
        // Jane Doe's affiliation, and what the first statement is about
        SpeakerView jane = SPEAKERS.get(0);
        SPEAKERS.set(0, new SpeakerView(jane.id(), jane.name(), jane.type(), jane.aliases(), jane.roles(),
                jane.statementCount(), List.of("Ministry of Environment")));
        StatementView first = STATEMENTS.get(0);
        STATEMENTS.set(0, new StatementView(first.id(), first.articleId(), first.index(), first.kind(), first.content(),
                first.cue(), first.speakerMention(), first.speakerId(), first.confidence(), first.occasionId(),
                first.publishedAt(), first.source(), List.of("p1", "s3"), List.of("e3")));
        // an event articles report, which the first statement talks about
        EVENTS.add(new EventView("e3", "MILITARY_OPERATION", "Military operation in Nagorno-Karabakh",
                LocalDate.parse("2023-09-18"), LocalDate.parse("2023-09-24"), false, "WEEK", "HAPPENED", List.of("p2"),
                List.of("Azerbaijan"), "p1", "Nagorno-Karabakh", List.of("a1"), List.of(first.id()),
                List.of(new EventView.Evidence("a1", first.content()))));
    }

    /** Speakers and places: every entity. */
    public static List<SpeakerView> entities() {
        List<SpeakerView> all = new ArrayList<>(SPEAKERS);
        all.addAll(PLACES);
        return all;
    }

    /** Quotations over the statements above (a1:0 and a2:0 as two reports of one utterance) and similar links. */
    public static final List<QuotationView> QUOTATIONS = new ArrayList<>();
    public static final List<SimilarStatementView> SIMILAR = new ArrayList<>();

    static {
        quotation("q1", "s1", "a1:0", "a2:0");
        quotation("q2", "s1", "a4:0");
        quotation("q3", "s2", "a2:1");
        quotation("q4", "s2", "a3:0");
        similar("a4:0", "a1:0", 0.42);
        similar("a1:0", "a4:0", 0.42);
    }

    private FakeData() {
    }

    private static void quotation(String id, String speakerId, String... statementIds) {
        List<QuotationOccurrenceView> occurrences = new ArrayList<>();
        for (String statementId : statementIds) {
            StatementView s = statement(statementId);
            occurrences.add(new QuotationOccurrenceView(s.id(), s.articleId(), s.source(), s.publishedAt(), s.content()));
        }
        QuotationOccurrenceView first = occurrences.get(0);
        QUOTATIONS.add(new QuotationView(id, speakerId, first.content().text(), first.statementId(), first.publishedAt(),
                occurrences.stream().map(QuotationOccurrenceView::articleId).distinct().count(),
                occurrences.stream().map(QuotationOccurrenceView::source).distinct().count(), occurrences));
    }

    private static void similar(String statementId, String similarId, double score) {
        SIMILAR.add(new SimilarStatementView(statementId, statement(similarId), score));
    }

    private static StatementView statement(String id) {
        return STATEMENTS.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    public static Map<String, ArticleView> articlesById() {
        return ARTICLES.stream().collect(Collectors.toMap(ArticleView::id, Function.identity()));
    }

    private static void article(String id, String source, String publishedAt, String title, String text) {
        ARTICLES.add(new ArticleView(id, "https://" + source + ".example/" + id, source, title, text,
                Instant.parse(publishedAt), "en", "hash-" + id, ArticleStatus.DELIVERED, null, Instant.parse(publishedAt)));
    }

    private static void statement(String articleId, int index, StatementKind kind, String content, String cue,
                                  String mention, String speakerId, String occasionId) {
        ArticleView a = ARTICLES.stream().filter(x -> x.id().equals(articleId)).findFirst().orElseThrow();
        STATEMENTS.add(new StatementView(articleId + ":" + index, articleId, index, kind,
                span(a.text(), content), span(a.text(), cue), mention == null ? null : span(a.text(), mention),
                speakerId, 0.5 + index / 10.0, occasionId, a.publishedAt(), a.source()));
    }

    private static Span span(String text, String part) {
        int start = text.indexOf(part);
        if (start < 0) {
            throw new IllegalStateException("'" + part + "' not in '" + text + "'");
        }
        return Span.of(text, start, start + part.length());
    }
}
