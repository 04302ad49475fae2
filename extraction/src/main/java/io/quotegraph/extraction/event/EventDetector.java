package io.quotegraph.extraction.event;

import io.quotegraph.extraction.entity.EntityMentionFinder;
import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Sentence;
import io.quotegraph.extraction.text.Token;
import io.quotegraph.extraction.time.TemporalMatch;
import io.quotegraph.extraction.time.TemporalTagger;
import io.quotegraph.extraction.time.Tense;
import io.quotegraph.extraction.time.TenseDetector;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.EventStatus;
import io.quotegraph.model.ExtractedEvent;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Span;
import io.quotegraph.model.TimeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the events an article reports and links them to the statements that talk about them. A trigger word from the
 * lexicon ("offensive", "ceasefire", "meet", "visit") makes an event mention; its clause gives the participants
 * (modifiers such as "the latest Azerbaijani offensive", the parties after "with"/"between"/"by", else the clause's
 * subject), the place ("in Granada", "visit to Armenia", "in the region" = the article's setting), the date (a temporal
 * expression of the clause, or one fronting the sentence, normalised against the date of the statement quoting it or
 * the publication) and the status (cues such as "calls for", "set to", else the tense). Mentions of one event are then
 * merged: a definite mention ("the offensive", "that mission") joins the latest compatible event.
 * Stateless and thread-safe.
 */
public final class EventDetector {

    /** The events of one article, and its statements with the events their contents talk about. */
    public record Result(List<ExtractedEvent> events, List<ExtractedStatement> statements) {
    }

    private static final Set<String> DEFINITE = Set.of("the", "that", "this", "these", "those", "its", "their", "his",
            "her", "our", "such");
    private static final Set<String> INDEFINITE = Set.of("a", "an", "another");
    private static final Set<String> PRONOUNS = Set.of("they", "he", "she", "we", "both");
    /** Modifiers that make an event one that took place: "the latest offensive". */
    private static final Set<String> PAST_MODIFIERS = Set.of("latest", "recent", "previous", "ongoing", "last");
    private static final Set<String> PARTY_LINKS = Set.of("with", "between", "by", "against", "among", "and");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "to", "at", "near", "inside", "into");
    private static final Set<String> PLACE_NOUNS = Set.of("city", "town", "capital", "village", "region", "province", "area");
    private static final Set<String> CLAUSE_ENDS = Set.of(",", ";", ":");
    /** Words that end an event's noun phrase on its left and show that a word before them is a noun ("talks for"). */
    private static final Set<String> PHRASE_BREAKS = Set.of("of", "for", "in", "on", "at", "to", "with", "by", "from",
            "about", "after", "before", "over", "into", "and", "or", "but", "that", "which", "who", "as", "than", "is", "are",
            "was", "were", "be", "been", "has", "have", "had", "will", "would", "should", "could", "can", "may", "must",
            "not", "no", "there", "it", "they", "we", "he", "she", "despite", "during", "between", "against", "among");
    /** Words an event noun phrase may have between its determiner and its head. */
    private static final int MAX_MODIFIERS = 4;
    /** How far a clause reaches either side of its trigger, in tokens. */
    private static final int MAX_CLAUSE = 25;
    /** How many earlier events of its family a mention may be merged into (the latest first). */
    private static final int MAX_ANTECEDENTS = 20;
    /** How far before a trigger a status cue still governs it, in tokens. */
    private static final int STATUS_CUE_WINDOW = 8;

    private final Lexicons lexicons;
    private final EventLexicon vocabulary = EventLexicon.get();
    private final EventTypes types = EventTypes.get();
    private final TemporalTagger tagger = new TemporalTagger();
    private final TenseDetector tenses = new TenseDetector();

    public EventDetector(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    /** One event mention while it is being read. */
    private static final class Mention {
        String type;
        int npFrom;
        int from;
        int to;
        int clauseFrom;
        int clauseTo;
        boolean definite;
        EventStatus status;
        TimeValue date;
        TemporalMatch dateMatch;
        List<EntityMention> participants = List.of();
        EntityMention location;
        LocalDate anchor;
    }

    /**
     * @param published  the publication date; may be null (dates then stay unknown)
     * @param statements the article's statements, whose occasions are not reported again as events and whose dates
     *                   anchor the expressions they quote
     */
    public Result detect(Document doc, LocalDate published, List<ExtractedStatement> statements,
                         EntityMentionFinder.ArticleNames names) {
        Article article = new Article(doc, published, statements);
        List<Mention> mentions = findTriggers(article);
        if (mentions.isEmpty()) {
            return new Result(List.of(), statements);
        }
        for (Mention m : mentions) {
            for (int k = m.npFrom; k < m.to; k++) {
                article.inPhrase[k] = true;
            }
        }
        article.mentions = mentions;
        article.entities = entities(doc, names);
        EntityMention setting = setting(article.entities);
        article.times = times(article);
        for (Mention m : mentions) {
            m.anchor = article.anchor(m.from);
            m.location = location(article, m, setting);
            m.participants = participants(article, m);
            m.dateMatch = date(article, m);
        }
        resolveAnaphoricDates(article);
        for (Mention m : mentions) {
            m.status = status(doc, m);
        }
        List<Cluster> clusters = merge(mentions);
        List<ExtractedEvent> events = new ArrayList<>(clusters.size());
        for (Cluster cluster : clusters) {
            events.add(event(doc, cluster, setting));
        }
        return new Result(events, linkStatements(doc, statements, clusters));
    }

    /**
     * One article's text with what the rules look up, indexed by token so that every look-up is local: an article of a
     * megabyte has tens of thousands of mentions, names and dates.
     */
    private static final class Article {
        final Document doc;
        final LocalDate published;
        final List<ExtractedStatement> statements;
        /** Tokens of a statement's occasion ("told a press briefing on Monday"). */
        final boolean[] inOccasion;
        /** Tokens of a statement's speaker mention. */
        final boolean[] inSpeaker;
        /** Per token, the date of the statement whose content it is in, if that statement's occasion has one. */
        final LocalDate[] statementDate;
        /** Tokens of an event mention's noun phrase. */
        final boolean[] inPhrase;
        List<Mention> mentions = List.of();
        List<EntityMention> entities = List.of();
        List<TemporalMatch> times = List.of();

        Article(Document doc, LocalDate published, List<ExtractedStatement> statements) {
            this.doc = doc;
            this.published = published;
            this.statements = statements;
            int n = doc.size();
            inOccasion = new boolean[n];
            inSpeaker = new boolean[n];
            statementDate = new LocalDate[n];
            inPhrase = new boolean[n];
            for (ExtractedStatement s : statements) {
                if (s.occasion() != null && s.occasion().evidence() != null) {
                    mark(inOccasion, s.occasion().evidence());
                }
                if (s.speakerMention() != null) {
                    mark(inSpeaker, s.speakerMention());
                }
                if (s.occasion() != null && s.occasion().date() != null) {
                    for (int k = doc.tokenAt(s.content().start()); k < n && doc.token(k).start() < s.content().end(); k++) {
                        statementDate[k] = s.occasion().date();
                    }
                }
            }
        }

        private void mark(boolean[] tokens, Span span) {
            for (int k = doc.tokenAt(span.start()); k < tokens.length && doc.token(k).start() < span.end(); k++) {
                tokens[k] = true;
            }
        }

        /** A statement's content speaks from the day it was made ("next week" said on Monday); other text from publication. */
        LocalDate anchor(int token) {
            return statementDate[token] != null ? statementDate[token] : published;
        }

        /** The entity mentions lying within tokens [from, to), in text order. */
        List<EntityMention> entitiesIn(int from, int to) {
            if (from >= to) {
                return List.of();
            }
            int start = doc.token(from).start();
            int end = doc.token(to - 1).end();
            List<EntityMention> found = new ArrayList<>();
            for (int i = firstEntityAtOrAfter(start); i < entities.size() && entities.get(i).span().start() < end; i++) {
                if (entities.get(i).span().end() <= end) {
                    found.add(entities.get(i));
                }
            }
            return found;
        }

        /** The entity mention starting at token k, or null. */
        EntityMention entityAt(int k) {
            if (k >= doc.size()) {
                return null;
            }
            int start = doc.token(k).start();
            int i = firstEntityAtOrAfter(start);
            return i < entities.size() && entities.get(i).span().start() == start ? entities.get(i) : null;
        }

        private int firstEntityAtOrAfter(int offset) {
            int low = 0;
            int high = entities.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (entities.get(mid).span().start() < offset) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /** The event mentions whose trigger lies in tokens [from, to). */
        List<Mention> mentionsIn(int from, int to) {
            int low = 0;
            int high = mentions.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (mentions.get(mid).from < from) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            List<Mention> found = new ArrayList<>();
            for (int i = low; i < mentions.size() && mentions.get(i).from < to; i++) {
                found.add(mentions.get(i));
            }
            return found;
        }

        /** Index of the first temporal expression starting at or after token k. */
        int firstTimeAtOrAfter(int k) {
            int low = 0;
            int high = times.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (times.get(mid).from() < k) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    // ---- triggers

    private List<Mention> findTriggers(Article article) {
        Document doc = article.doc;
        List<Mention> found = new ArrayList<>();
        for (int k = 0; k < doc.size(); k++) {
            // a statement's occasion ("told a press briefing") is the statement's, not an event the article reports
            if (!doc.token(k).isWord() || doc.isExcluded(k) || article.inOccasion[k]) {
                continue;
            }
            for (int len = Math.min(vocabulary.longestTriggerStartingWith(doc.token(k).lower()), doc.size() - k); len >= 1; len--) {
                EventLexicon.Trigger trigger = vocabulary.trigger(phrase(doc, k, k + len));
                if (trigger != null && (!trigger.nounOnly() || isNounUse(doc, k + len))) {
                    found.add(mention(doc, k, k + len, trigger.type()));
                    k += len - 1;
                    break;
                }
            }
        }
        return found;
    }

    /** A word that is also an adjective or verb is an event noun when no lowercase content word follows it. */
    private boolean isNounUse(Document doc, int next) {
        if (next >= doc.size() || !doc.token(next).isWord() || doc.token(next).isCapitalized()) {
            return true;
        }
        String w = doc.token(next).text();
        return PHRASE_BREAKS.contains(doc.token(next).lower()) || lexicons.isFunctionWord(w) || lexicons.isAuxiliary(w);
    }

    private Mention mention(Document doc, int from, int to, String type) {
        Mention m = new Mention();
        m.type = type;
        m.from = from;
        m.to = to;
        Sentence sentence = doc.sentenceOf(from);
        m.clauseFrom = from;
        while (m.clauseFrom > sentence.from() && from - m.clauseFrom < MAX_CLAUSE && !isClauseEnd(doc.token(m.clauseFrom - 1))) {
            m.clauseFrom--;
        }
        m.clauseTo = to;
        while (m.clauseTo < sentence.to() && m.clauseTo - to < MAX_CLAUSE && !isClauseEnd(doc.token(m.clauseTo))) {
            m.clauseTo++;
        }
        // the noun phrase: determiner and modifiers before the head ("the latest Azerbaijani offensive")
        m.npFrom = from;
        for (int k = from - 1; k >= m.clauseFrom && from - k <= MAX_MODIFIERS + 1; k--) {
            Token t = doc.token(k);
            if (!t.isWord() && t.kind() != Token.Kind.POSSESSIVE && !t.isPunct('"') && !t.isPunct('\u201c')) {
                break;
            }
            String w = t.lower();
            if (DEFINITE.contains(w) || INDEFINITE.contains(w)) {
                m.npFrom = k;
                m.definite = DEFINITE.contains(w);
                break;
            }
            if (t.kind() == Token.Kind.POSSESSIVE) {
                m.definite = true; // "Kim's visit"
            }
            boolean verbLike = !t.isCapitalized() && w.endsWith("ed") && vocabulary.statusCue(w) == null;
            if (t.isWord() && (PHRASE_BREAKS.contains(w) || verbLike || lexicons.isFunctionWord(w) || lexicons.isAuxiliary(w))) {
                break;
            }
            m.npFrom = k;
        }
        // "they are going to meet": a pronoun subject refers to an event the article has named
        int subject = m.npFrom - 1;
        while (subject > m.clauseFrom && doc.token(subject).isWord() && lexicons.isAuxiliary(doc.token(subject).text())) {
            subject--;
        }
        if (m.npFrom == from && subject >= m.clauseFrom && PRONOUNS.contains(doc.token(subject).lower())) {
            m.definite = true;
        }
        return m;
    }

    private static boolean isClauseEnd(Token t) {
        return !t.isWord() && CLAUSE_ENDS.contains(t.text());
    }

    // ---- participants and places

    /**
     * The article's entity mentions, with the people it names by surname only ("Aliyev" after "Ilham Aliyev"), the
     * countries it names by demonym ("Azerbaijani") and untitled people ({@link #untitledPerson}).
     */
    private List<EntityMention> entities(Document doc, EntityMentionFinder.ArticleNames names) {
        String text = doc.text();
        List<EntityMention> named = names.in(0, text.length());
        List<EntityMention> found = new ArrayList<>(named);
        Map<String, String> fullNames = names.fullNamesBySurname();
        int next = 0;
        int coveredTo = 0;
        for (int k = 0; k < doc.size(); k++) {
            Token t = doc.token(k);
            while (next < named.size() && named.get(next).span().end() <= t.start()) {
                next++;
            }
            boolean covered = t.start() < coveredTo || next < named.size() && named.get(next).span().start() <= t.start();
            if (covered || !t.isCapitalized()) {
                continue;
            }
            EntityMention extra = null;
            String fullName = fullNames.get(t.text());
            if (fullName != null) {
                extra = new EntityMention(doc.span(k, k), fullName, EntityType.PERSON, null);
            }
            for (int len = Math.min(vocabulary.longestDemonym(), doc.size() - k); extra == null && len >= 1; len--) {
                String country = vocabulary.demonym(caseKeptPhrase(doc, k, k + len));
                if (country != null) {
                    extra = new EntityMention(doc.span(k, k + len - 1), country, EntityType.COUNTRY, null);
                }
            }
            if (extra == null) {
                extra = untitledPerson(doc, k, next < named.size() ? named.get(next).span().start() : Integer.MAX_VALUE);
            }
            if (extra != null) {
                found.add(extra);
                coveredTo = extra.span().end();
            }
        }
        found.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        return found;
    }

    /**
     * A person named without a title the name finders know: two capitalised words after a lowercase role word
     * ("chief Samantha Power and"), or the last two of a capitalised run before a possessive ("Eurasian Affairs Yuri
     * Kim's"). Starting at token k; the name must end before {@code limit} (the next known name).
     */
    private EntityMention untitledPerson(Document doc, int k, int limit) {
        int end = k;
        while (end < doc.size() && doc.token(end).isCapitalized() && doc.token(end).end() <= limit) {
            end++;
        }
        int length = end - k;
        if (length < 2 || end >= doc.size()) {
            return null;
        }
        Token after = doc.token(end);
        Token before = k > 0 ? doc.token(k - 1) : null;
        boolean possessive = after.kind() == Token.Kind.POSSESSIVE;
        boolean roleBefore = before != null && before.isWord() && !before.isCapitalized() && !lexicons.isFunctionWord(before.text())
                && (after.is("and") || after.isPunct(','));
        if (!(possessive || roleBefore) || !possessive && length > 3) {
            return null;
        }
        int from = end - 2;
        for (int i = from; i < end; i++) {
            String w = doc.token(i).text();
            if (lexicons.isFunctionWord(w) || lexicons.isOrgHead(w) || lexicons.isTitle(w.toLowerCase(java.util.Locale.ROOT))
                    || vocabulary.demonym(w) != null) {
                return null;
            }
        }
        Span span = doc.span(from, end - 1);
        return new EntityMention(span, span.text(), EntityType.PERSON, null);
    }

    /** The place the article is about: the location it names most often (first named on a tie); null if none. */
    private static EntityMention setting(List<EntityMention> entities) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, EntityMention> first = new LinkedHashMap<>();
        for (EntityMention e : entities) {
            if (e.type() == EntityType.LOCATION) {
                counts.merge(e.name(), 1, Integer::sum);
                first.putIfAbsent(e.name(), e);
            }
        }
        EntityMention best = null;
        for (EntityMention e : first.values()) {
            if (best == null || counts.get(e.name()) > counts.get(best.name())) {
                best = e;
            }
        }
        return best;
    }

    /** "in Granada", "visit to Armenia", "in the Spanish city of Granada", "in the region" (the setting); after the trigger first. */
    private EntityMention location(Article article, Mention m, EntityMention setting) {
        EntityMention after = placeIn(article, m.to, m.clauseTo, setting);
        if (after != null) {
            return after;
        }
        EntityMention modifier = placeModifier(article, m);
        if (modifier != null) {
            return modifier;
        }
        // a place before the trigger is another verb's ("launched ... in the region to uphold an agreement"), except
        // for the events an article places in its setting ("the situation in Karabakh after the offensive")
        return !types.type(m.type).local() ? null : placeIn(article, m.clauseFrom, m.npFrom, setting);
    }

    /**
     * A state or city modifying the event noun: "the Oregon primary", "South Dakota's Democratic primary". Only a
     * LOCATION: a country before the noun is more often a party ("the Iran deal"), and a demonym names a side.
     */
    private EntityMention placeModifier(Article article, Mention m) {
        EntityMention found = null;
        for (EntityMention e : article.entitiesIn(m.npFrom, m.from)) {
            if (e.type() == EntityType.LOCATION && vocabulary.demonym(e.span().text()) == null) {
                found = e;
            }
        }
        return found;
    }

    private EntityMention placeIn(Article article, int from, int to, EntityMention setting) {
        Document doc = article.doc;
        for (int k = from; k < to; k++) {
            if (!doc.token(k).isWord() || !PLACE_PREPOSITIONS.contains(doc.token(k).lower())) {
                continue;
            }
            int j = k + 1;
            if (j < to && doc.token(j).is("the")) {
                j++;
            }
            EntityMention named = article.entityAt(j);
            // a demonym ("in Armenian hands") names a side, not a place
            if (named != null && (named.type() == EntityType.LOCATION || named.type() == EntityType.COUNTRY)
                    && vocabulary.demonym(named.span().text()) == null) {
                return named;
            }
            // "the Spanish city of Granada", "the region"
            int noun = j < to && doc.token(j).isCapitalized() ? j + 1 : j;
            if (noun < to && doc.token(noun).isWord() && PLACE_NOUNS.contains(doc.token(noun).lower())) {
                if (noun + 2 < doc.size() && doc.token(noun + 1).is("of") && doc.token(noun + 2).isCapitalized()) {
                    int end = noun + 2;
                    while (end + 1 < to && doc.token(end + 1).isCapitalized()) {
                        end++;
                    }
                    Span span = doc.span(noun + 2, end);
                    return new EntityMention(span, span.text(), EntityType.LOCATION, null);
                }
                if (doc.token(k + 1).is("the") && noun == k + 2 && setting != null) {
                    return setting;
                }
            }
        }
        return null;
    }

    /**
     * Who takes part: the entities modifying the event noun ("Azerbaijani offensive", "Yuri Kim's visit") and, failing
     * those or where persons take part (meetings, visits), the ones before it in its clause (its subject); and the
     * parties after "with", "between", "by". Persons only, where persons take part and some are named.
     */
    private List<EntityMention> participants(Article article, Mention m) {
        Document doc = article.doc;
        EventTypes.Type type = types.type(m.type);
        List<EntityMention> chosen = new ArrayList<>(candidates(article.entitiesIn(m.npFrom, m.from), m.location));
        if (chosen.isEmpty() || type.people()) {
            // the clause's subject; whoever is reported speaking about a conflict or treaty is not thereby a party to
            // it, unless a pronoun makes them the actor ("Azerbaijan said it had launched")
            for (EntityMention e : candidates(article.entitiesIn(m.clauseFrom, m.npFrom), m.location)) {
                if (type.people() || !article.inSpeaker[doc.tokenAt(e.span().start())] || pronounBetween(doc, e, m.npFrom)) {
                    chosen.add(e);
                }
            }
        }
        // parties after the trigger, each introduced by a link word: "with Russia and Armenia", "between X and Y"
        // (the trigger itself may end with one: "conversation with"), up to the next event's phrase ("launched
        // activities to uphold an agreement with Russia": the agreement's parties)
        int partiesEnd = m.clauseTo;
        for (Mention other : article.mentionsIn(m.to, m.clauseTo)) {
            partiesEnd = Math.min(partiesEnd, other.npFrom);
        }
        for (int k = m.to - 1; k + 1 < partiesEnd; k++) {
            if (!doc.token(k).isWord() || !PARTY_LINKS.contains(doc.token(k).lower())) {
                continue;
            }
            int j = doc.token(k + 1).is("the") ? k + 2 : k + 1;
            EntityMention e = j < partiesEnd ? article.entityAt(j) : null;
            if (e != null && !e.equals(m.location) && isParticipantType(e)) {
                chosen.add(e);
            }
        }
        boolean anyPerson = chosen.stream().anyMatch(e -> e.type() == EntityType.PERSON);
        Map<String, EntityMention> distinct = new LinkedHashMap<>();
        for (EntityMention e : chosen) {
            if (!type.people() || !anyPerson || e.type() == EntityType.PERSON) {
                distinct.putIfAbsent(e.name(), e);
            }
        }
        return List.copyOf(distinct.values());
    }

    private static boolean pronounBetween(Document doc, EntityMention e, int to) {
        for (int k = doc.tokenAt(e.span().end()); k < to; k++) {
            if (doc.token(k).isWord() && (PRONOUNS.contains(doc.token(k).lower()) || doc.token(k).is("it"))) {
                return true;
            }
        }
        return false;
    }

    /** The entities that may take part: people, countries, organisations, not the event's place. */
    private static List<EntityMention> candidates(List<EntityMention> entities, EntityMention location) {
        List<EntityMention> found = new ArrayList<>();
        for (EntityMention e : entities) {
            boolean isLocation = location != null && e.name().equals(location.name()) && e.type() == location.type();
            if (isParticipantType(e) && !isLocation) {
                found.add(e);
            }
        }
        return found;
    }

    private static boolean isParticipantType(EntityMention e) {
        return e.type() == EntityType.PERSON || e.type() == EntityType.COUNTRY || e.type() == EntityType.ORGANIZATION;
    }

    // ---- dates

    /** Every temporal expression of the article, normalised against the date of the statement it is in, else publication. */
    private List<TemporalMatch> times(Article article) {
        List<TemporalMatch> found = new ArrayList<>();
        for (TemporalMatch m : tagger.tag(article.doc, 0, article.doc.size(), article.published)) {
            LocalDate anchor = article.anchor(m.from());
            found.add(anchor == null || anchor.equals(article.published) ? m : tagger.at(article.doc, m.from(), m.to(), anchor));
        }
        return found;
    }

    /**
     * The clause's temporal expression nearest the trigger, leaving out those inside another event's noun phrase
     * ("to uphold a 2020 agreement") and those nearer another trigger ("meet Oct. 5 ... to sign a treaty"); else the one
     * fronting the sentence ("Last week, ...").
     */
    private static TemporalMatch date(Article article, Mention m) {
        List<Mention> neighbours = article.mentionsIn(m.clauseFrom, m.clauseTo);
        TemporalMatch best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = article.firstTimeAtOrAfter(m.clauseFrom); i < article.times.size() && article.times.get(i).from() < m.clauseTo; i++) {
            TemporalMatch t = article.times.get(i);
            if (t.to() > m.clauseTo || article.inPhrase[t.from()] && !(t.from() >= m.npFrom && t.to() <= m.to)) {
                continue;
            }
            int distance = distance(t, m);
            if (distance < bestDistance && neighbours.stream().noneMatch(o -> o != m && distance(t, o) < distance)) {
                best = t;
                bestDistance = distance;
            }
        }
        if (best != null) {
            return best;
        }
        Document doc = article.doc;
        int sentenceStart = doc.sentenceOf(m.from).from();
        int i = article.firstTimeAtOrAfter(sentenceStart);
        if (i < article.times.size()) {
            TemporalMatch t = article.times.get(i);
            if (t.from() == sentenceStart && t.to() < doc.size() && doc.token(t.to()).isPunct(',') && t.to() <= m.from) {
                return t;
            }
        }
        return null;
    }

    /** Tokens between a temporal expression and a trigger. */
    private static int distance(TemporalMatch t, Mention m) {
        return t.from() >= m.to ? t.from() - m.to : Math.max(0, m.from - t.to());
    }

    /**
     * "After 24 hours, a cease-fire was reached": an offset from the narrative's last time (the last temporal expression
     * before it outside event noun phrases), as imprecise as that time.
     */
    private void resolveAnaphoricDates(Article article) {
        List<TemporalMatch> narrative = new ArrayList<>();
        for (TemporalMatch t : article.times) {
            if (!t.anaphoric() && t.value() != null && !article.inPhrase[t.from()]) {
                narrative.add(t);
            }
        }
        int next = 0;
        TimeValue reference = null;
        for (Mention m : article.mentions) {
            TemporalMatch t = m.dateMatch;
            if (t == null || !t.anaphoric()) {
                m.date = t == null ? null : t.value();
                continue;
            }
            // mentions are in text order, and so are their anaphoric expressions (one per clause)
            while (next < narrative.size() && narrative.get(next).to() <= t.from()) {
                reference = narrative.get(next++).value();
            }
            TemporalMatch shifted = reference == null ? null : tagger.at(article.doc, t.from(), t.to(), reference.start());
            if (shifted == null || shifted.value() == null) {
                m.date = null;
                continue;
            }
            TimeValue v = shifted.value();
            long spread = reference.end().toEpochDay() - reference.start().toEpochDay();
            TimeValue.Granularity g = v.granularity().compareTo(reference.granularity()) >= 0 ? v.granularity() : reference.granularity();
            m.date = TimeValue.approximate(v.start(), v.end().plusDays(spread), g);
        }
    }

    // ---- status

    /** A cue before the trigger ("calls for", "set to"), else the tense; a definite event in the present exists. */
    private EventStatus status(Document doc, Mention m) {
        for (int k = m.from - 1; k >= Math.max(m.clauseFrom, m.npFrom - STATUS_CUE_WINDOW); k--) {
            for (int len = Math.min(vocabulary.longestCue(), m.from - k); len >= 1; len--) {
                EventStatus cue = vocabulary.statusCue(phrase(doc, k, k + len));
                if (cue != null) {
                    return cue;
                }
            }
        }
        for (int k = m.npFrom; k < m.from; k++) {
            if (PAST_MODIFIERS.contains(doc.token(k).lower())) {
                return EventStatus.HAPPENED;
            }
        }
        Tense tense = tenses.tenseAt(doc, m.npFrom, m.to);
        if (tense == Tense.PAST) {
            return EventStatus.HAPPENED;
        }
        if (tense == Tense.FUTURE) {
            return EventStatus.PLANNED;
        }
        if (m.date != null && m.anchor != null) {
            return m.date.end().isBefore(m.anchor) ? EventStatus.HAPPENED : m.date.start().isAfter(m.anchor) ? EventStatus.PLANNED : null;
        }
        return m.definite ? EventStatus.HAPPENED : null;
    }

    // ---- coreference

    /** The mentions of one event, with what they agree on so far. */
    private final class Cluster {
        final List<Mention> mentions = new ArrayList<>();
        String type;
        /** The most precise date a mention gives. */
        TimeValue date;
        EntityMention location;
        final Map<String, EntityMention> participants = new LinkedHashMap<>();
        final Map<EventStatus, Integer> statuses = new EnumMap<>(EventStatus.class);

        void add(Mention m) {
            mentions.add(m);
            type = type == null ? m.type : types.specific(type, m.type);
            if (m.date != null && (date == null || days(m.date) < days(date))) {
                date = m.date;
            }
            if (location == null) {
                location = m.location;
            }
            for (EntityMention p : m.participants) {
                participants.putIfAbsent(p.name(), p);
            }
            if (m.status != null) {
                statuses.merge(m.status, 1, Integer::sum);
            }
        }
    }

    /**
     * Mentions in text order join the latest event they fit: a compatible type and date, no conflicting place or
     * parties, and some sign of identity (a definite reference, the same status, place or a shared participant, or a
     * type that an article reports once for its setting, such as a ceasefire). A mention looks back over the latest
     * {@value #MAX_ANTECEDENTS} events of its type family.
     */
    private List<Cluster> merge(List<Mention> mentions) {
        List<Cluster> clusters = new ArrayList<>();
        Map<String, List<Cluster>> byFamily = new HashMap<>();
        for (Mention m : mentions) {
            List<Cluster> family = byFamily.computeIfAbsent(types.root(m.type), t -> new ArrayList<>());
            Cluster target = null;
            for (int c = family.size() - 1; c >= Math.max(0, family.size() - MAX_ANTECEDENTS) && target == null; c--) {
                if (fits(m, family.get(c))) {
                    target = family.get(c);
                }
            }
            if (target == null) {
                target = new Cluster();
                clusters.add(target);
                family.add(target);
            }
            target.add(m);
        }
        return clusters;
    }

    private boolean fits(Mention m, Cluster cluster) {
        if (!types.compatible(m.type, cluster.type)
                || m.date != null && cluster.date != null && !m.date.overlaps(cluster.date)
                || m.location != null && cluster.location != null && !m.location.name().equals(cluster.location.name())) {
            return false;
        }
        boolean shared = m.participants.stream().anyMatch(p -> cluster.participants.containsKey(p.name()));
        if (!m.participants.isEmpty() && !cluster.participants.isEmpty() && !shared) {
            return false;
        }
        boolean local = types.type(types.root(m.type)).local();
        // what happened is not what is planned or proposed, unless the text refers back to it ("the ceasefire")
        boolean happened = cluster.statuses.containsKey(EventStatus.HAPPENED);
        boolean statusConflict = m.status != null && !cluster.statuses.isEmpty()
                && (m.status == EventStatus.HAPPENED ? cluster.statuses.size() > (happened ? 1 : 0) : happened);
        if (statusConflict && !m.definite && !local) {
            return false;
        }
        return m.definite || shared || m.status != null && cluster.statuses.containsKey(m.status)
                || m.location != null && cluster.location != null || local;
    }

    private ExtractedEvent event(Document doc, Cluster cluster, EntityMention setting) {
        List<Span> evidence = new ArrayList<>(cluster.mentions.size());
        for (Mention m : cluster.mentions) {
            int end = m.dateMatch != null && m.dateMatch.from() >= m.to ? m.dateMatch.to() : m.to;
            evidence.add(doc.span(m.npFrom, end - 1));
        }
        EntityMention location = cluster.location == null && types.type(cluster.type).local() ? setting : cluster.location;
        // the status most mentions give; on a tie the furthest along (HAPPENED before PLANNED before PROPOSED)
        EventStatus status = null;
        for (EventStatus s : EventStatus.values()) {
            Integer votes = cluster.statuses.get(s);
            if (votes != null && (status == null || votes > cluster.statuses.get(status))) {
                status = s;
            }
        }
        return new ExtractedEvent(cluster.type, status, cluster.date, List.copyOf(cluster.participants.values()), location, evidence);
    }

    private static long days(TimeValue v) {
        return v.end().toEpochDay() - v.start().toEpochDay() + (v.kind() == TimeValue.Kind.APPROXIMATE ? 1 : 0);
    }

    private static List<ExtractedStatement> linkStatements(Document doc, List<ExtractedStatement> statements, List<Cluster> clusters) {
        // trigger start offsets in text order, with the event each belongs to
        List<int[]> triggers = new ArrayList<>();
        for (int e = 0; e < clusters.size(); e++) {
            for (Mention m : clusters.get(e).mentions) {
                triggers.add(new int[] {doc.token(m.from).start(), e});
            }
        }
        triggers.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<ExtractedStatement> linked = new ArrayList<>(statements.size());
        for (ExtractedStatement s : statements) {
            int low = 0;
            int high = triggers.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (triggers.get(mid)[0] < s.content().start()) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            TreeSet<Integer> about = new TreeSet<>();
            for (int i = low; i < triggers.size() && triggers.get(i)[0] < s.content().end(); i++) {
                about.add(triggers.get(i)[1]);
            }
            linked.add(about.isEmpty() ? s : s.withAboutEvents(List.copyOf(about)));
        }
        return linked;
    }

    private static String phrase(Document doc, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (!doc.token(i).isWord()) {
                return "";
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(doc.token(i).lower());
        }
        return sb.toString();
    }

    private static String caseKeptPhrase(Document doc, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(doc.token(i).text());
        }
        return sb.toString();
    }
}
