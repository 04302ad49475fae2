package io.quotegraph.extraction.entity;

import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the entities a statement's content names, so that statements can be found by whom they are about:
 * the article's own speakers by any of their names ("President Aliyev" → the article's Aliyev), and the places and
 * organisations of the {@link Gazetteer} ("the U.S." → United States, "Karabakh" → Nagorno-Karabakh).
 * Names match as written (case matters, so the pronoun "us" is not the "US"), on word boundaries; where names
 * overlap, the longest wins. Thread-safe.
 */
public final class EntityMentionFinder {

    /** A name to look for and what it denotes. */
    private record Candidate(String surface, String name, EntityType type, String speakerKey) {
    }

    /**
     * "the Spanish city of Granada": a place the gazetteer need not know, named by what kind of place it is
     * (the lookahead of the kinds' first letters rejects most positions before the word-boundary test).
     */
    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile(
            "(?=[ctvprd])\\b(?:city|town|village|capital|province|region|port|district) of (\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+)?)");

    private final Gazetteer gazetteer;
    private final List<Candidate> gazetteerNames;

    public EntityMentionFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        List<Candidate> names = new ArrayList<>();
        for (Gazetteer.Entry entry : gazetteer.entries()) {
            for (String name : entry.names()) {
                names.add(new Candidate(stripThe(name), entry.canonical(), entry.type(), null));
            }
        }
        this.gazetteerNames = List.copyOf(names);
    }

    public EntityMentionFinder() {
        this(Gazetteer.bundled());
    }

    /** The statements, each with the entities its content names (people only as the article's speakers). */
    public List<ExtractedStatement> attach(List<ExtractedStatement> statements, List<ArticleSpeaker> speakers) {
        return attach(null, statements, speakers);
    }

    /**
     * The statements, each with the entities its content names; with the article's text, also the people it names by
     * title, by role with the name in parentheses, or by a role it gave a name before ({@link PersonMentions}).
     */
    public List<ExtractedStatement> attach(String text, List<ExtractedStatement> statements, List<ArticleSpeaker> speakers) {
        return attach(names(text, speakers), statements);
    }

    /** The statements, each with the entities its content names. */
    public List<ExtractedStatement> attach(ArticleNames names, List<ExtractedStatement> statements) {
        List<ExtractedStatement> result = new ArrayList<>(statements.size());
        for (ExtractedStatement statement : statements) {
            result.add(statement.withAbout(names.about(statement.content(), statement.speakerKey())));
        }
        return result;
    }

    /**
     * The names one article gives (its speakers, the people it names, the gazetteer's), prepared once for finding
     * entity mentions anywhere in it.
     *
     * @param text the article's text, or null when only its speakers and the gazetteer are to be used
     */
    public ArticleNames names(String text, List<ArticleSpeaker> speakers) {
        return names(text, speakers, null);
    }

    /**
     * As {@link #names(String, List)}; the publication date (may be null) lets bare roles resolve to the gazetteer's
     * office holders of that day ("the secretary" → the Secretary of State then).
     */
    public ArticleNames names(String text, List<ArticleSpeaker> speakers, java.time.LocalDate published) {
        List<PersonMentions.Found> people = text == null ? List.of() : PersonMentions.find(text, gazetteer, published);
        List<Candidate> places = new ArrayList<>();
        if (text != null) {
            java.util.regex.Matcher m = PLACE.matcher(text);
            while (m.find()) {
                places.add(new Candidate(m.group(1), gazetteer.canonicalName(m.group(1)),
                        gazetteer.lookup(m.group(1)).map(Gazetteer.Entry::type).orElse(EntityType.LOCATION), null));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ArticleSpeaker speaker : speakers) {
            if (speaker.name() == null || EntityNames.isRoleOnly(speaker.name())) {
                continue;
            }
            for (String alias : speaker.aliases()) {
                if (alias != null && !EntityNames.isRoleOnly(alias) && alias.strip().length() > 1) {
                    candidates.add(new Candidate(alias.strip(), speaker.name(), speaker.type(), speaker.key()));
                }
            }
            candidates.add(new Candidate(speaker.name().strip(), speaker.name(), speaker.type(), speaker.key()));
        }
        candidates.addAll(gazetteerNames);
        candidates.addAll(places);
        // longest names first, so that "Nagorno-Karabakh" wins over "Karabakh" and speakers over the gazetteer
        candidates.sort(Comparator.comparingInt((Candidate c) -> -c.surface().length()));
        return new ArticleNames(text, people, candidates, speakers);
    }

    /** The names of one article; see {@link #names}. */
    public static final class ArticleNames {

        private final String text;
        private final List<PersonMentions.Found> people;
        private final List<Candidate> candidates;
        private final List<ArticleSpeaker> speakers;
        private volatile List<EntityMention> whole;

        private ArticleNames(String text, List<PersonMentions.Found> people, List<Candidate> candidates, List<ArticleSpeaker> speakers) {
            this.text = text;
            this.people = people;
            this.candidates = candidates;
            this.speakers = speakers;
        }

        /**
         * Every entity mention in [start, end) of the article text, in text order; where names overlap, the longest
         * wins (people named with a title or role first).
         */
        public List<EntityMention> in(int start, int end) {
            if (start == 0 && end == text.length()) {
                // the whole article is asked for by event detection and for the extraction's entities: found once
                List<EntityMention> all = whole;
                if (all == null) {
                    all = List.copyOf(find(new Span(start, end, text)));
                    whole = all;
                }
                return all;
            }
            return find(new Span(start, end, text.substring(start, end)));
        }

        /** The full names of the people the article names with a first name, by surname ("Aliyev" → "Ilham Aliyev"). */
        public Map<String, String> fullNamesBySurname() {
            Map<String, String> bySurname = new LinkedHashMap<>();
            for (PersonMentions.Found person : people) {
                List<String> tokens = EntityNames.nameTokens(person.name(), EntityType.PERSON);
                if (tokens.size() >= 2) {
                    String full = person.name();
                    bySurname.putIfAbsent(full.substring(full.lastIndexOf(' ') + 1), full);
                }
            }
            return bySurname;
        }

        /**
         * The entities a statement's content names: one mention per entity, and never the statement's own speaker (a
         * statement is not about whoever makes it just because it names them, e.g. "we" quotes of one's own office).
         */
        List<EntityMention> about(Span content, String ownSpeakerKey) {
            Map<String, EntityMention> distinct = new LinkedHashMap<>();
            for (EntityMention m : find(content)) {
                if (m.speakerKey() != null && m.speakerKey().equals(ownSpeakerKey)) {
                    continue;
                }
                distinct.putIfAbsent(m.speakerKey() != null ? "s:" + m.speakerKey() : "g:" + m.name(), m);
            }
            return List.copyOf(distinct.values());
        }

        private List<EntityMention> find(Span content) {
            String text = content.text();
            boolean[] taken = new boolean[text.length()];
            List<EntityMention> found = new ArrayList<>();
            // people are sorted by start: skip to the first one in the content (articles may name thousands)
            int first = firstAtOrAfter(people, content.start());
            for (int p = first; p < people.size() && people.get(p).start() < content.end(); p++) {
                PersonMentions.Found person = people.get(p);
                if (person.end() <= content.end()) {
                    int at = person.start() - content.start();
                    int end = person.end() - content.start();
                    if (anyTaken(taken, at, end)) {
                        continue;
                    }
                    for (int i = Math.max(0, person.coverStart() - content.start()); i < end; i++) {
                        taken[i] = true;
                    }
                    String speakerKey = speakerOf(person.name(), speakers);
                    found.add(new EntityMention(new Span(person.start(), person.end(), text.substring(at, end)), person.name(),
                            EntityType.PERSON, speakerKey, person.title()));
                }
            }
            for (Candidate c : candidates) {
                int from = 0;
                while (true) {
                    int at = text.indexOf(c.surface(), from);
                    if (at < 0) {
                        break;
                    }
                    int end = at + c.surface().length();
                    from = at + 1;
                    if (!wordBoundary(text, at - 1) || !wordBoundary(text, end) || anyTaken(taken, at, end)) {
                        continue;
                    }
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                    found.add(new EntityMention(new Span(content.start() + at, content.start() + end, c.surface()),
                            c.name(), c.type(), c.speakerKey()));
                }
            }
            found.sort(Comparator.comparingInt(m -> m.span().start()));
            return found;
        }
    }

    private static int firstAtOrAfter(List<PersonMentions.Found> people, int offset) {
        int low = 0;
        int high = people.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (people.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The article speaker (a person) a name is, by its full name or its surname; null if none or several. */
    private static String speakerOf(String name, List<ArticleSpeaker> speakers) {
        List<String> tokens = EntityNames.nameTokens(name, EntityType.PERSON);
        String match = null;
        for (ArticleSpeaker speaker : speakers) {
            if (speaker.type() != EntityType.PERSON || speaker.name() == null) {
                continue;
            }
            List<String> own = EntityNames.nameTokens(speaker.name(), EntityType.PERSON);
            boolean same = own.equals(tokens) || (tokens.size() == 1 && !own.isEmpty() && own.get(own.size() - 1).equals(tokens.get(0)));
            if (same) {
                if (match != null && !match.equals(speaker.key())) {
                    return null;
                }
                match = speaker.key();
            }
        }
        return match;
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    private static String stripThe(String name) {
        String s = name.strip();
        return s.regionMatches(true, 0, "the ", 0, 4) ? s.substring(4) : s;
    }
}
