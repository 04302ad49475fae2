package io.quotegraph.extraction.speaker;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Token;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.Role;
import io.quotegraph.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a speaker phrase (already delimited by {@link SpeakerPhraseFinder}) into a {@link Mention}:
 * pronoun, person name with its title and organisation ("U.S. Department of State spokesman Matthew Miller"),
 * organisation or country, role noun ("the spokesman", "a State Department spokesman"), or a generic group
 * ("officials"). Appositives ("Miller, the spokesman") and parentheticals ("the secretary (Antony Blinken)")
 * combine a name with a role. Returns null when the phrase is none of these, which rejects the attribution.
 */
public final class MentionParser {

    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "i", "we");
    /** Possessive determiners with the subject pronoun whose referent they share: "his" refers as "he" does. */
    private static final Map<String, String> POSSESSIVE_PRONOUNS = Map.of("his", "he", "her", "she", "their", "they",
            "its", "it", "my", "i", "our", "we");
    /** Lowercase only: a capitalised "Who" opens a question. */
    public static final Set<String> RELATIVES = Set.of("who", "which");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "his", "her", "their", "its", "our", "one", "another");
    private static final int MAX_DESCRIBED_ROLE_WORDS = 5;
    private static final Set<String> NAME_PARTICLES = Set.of("de", "van", "von", "bin", "al", "da", "la", "le", "der", "du", "del", "di", "of", "and", "for", "the");
    private static final int MAX_NAME_WORDS = 4;

    private final Lexicons lexicons;

    public MentionParser(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    /** A word with an attached abbreviation dot merged in ("Mr" + "." -> "Mr."). */
    private record Word(int start, int end, String text, Token.Kind kind) {
        boolean capitalized() {
            return Character.isUpperCase(text.charAt(0));
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A possessive determiner as the mention of its owner ("his" in "his self-described …"): a pronoun mention with the
     * subject form's name and type, so that it resolves as "he" would; null for any other token.
     */
    public Mention possessivePronoun(Document doc, int k) {
        Token t = doc.token(k);
        String pronoun = t.isWord() ? POSSESSIVE_PRONOUNS.get(t.lower()) : null;
        return pronoun == null ? null
                : new Mention(Span.of(doc.text(), t.start(), t.end()), Mention.Form.PRONOUN, pronounType(pronoun), pronoun, null, null);
    }

    /** Parses tokens [from, to) of the document. */
    public Mention parse(Document doc, int from, int to) {
        List<Word> words = words(doc, from, to);
        // trailing punctuation, and a negated auxiliary the phrase finders do not skip: "He didn't" -> "He"
        while (!words.isEmpty() && (words.get(words.size() - 1).kind() != Token.Kind.WORD
                || lexicons.isNegatedAuxiliary(words.get(words.size() - 1).text()))) {
            words.remove(words.size() - 1);
        }
        if (to > from && Shares.start(doc, to - 1, from) == from) {
            Span share = doc.span(from, to - 1);
            return new Mention(share, Mention.Form.GROUP, EntityType.OTHER, share.text(), null, null); // "Forty-two percent of voters"
        }
        if (words.size() == 1 && RELATIVES.contains(words.get(0).text())) {
            Word w = words.get(0);
            return new Mention(Span.of(doc.text(), w.start(), w.end()), Mention.Form.RELATIVE, EntityType.OTHER, w.text(), null, null);
        }
        while (!words.isEmpty() && words.get(0).kind() == Token.Kind.WORD
                && lexicons.isFunctionWord(words.get(0).text()) && !ARTICLES.contains(words.get(0).lower())) {
            words.remove(0);
        }
        if (words.isEmpty()) {
            return null;
        }
        String text = doc.text();
        if (words.size() == 1 && PRONOUNS.contains(words.get(0).lower())) {
            Word w = words.get(0);
            return new Mention(Span.of(text, w.start(), w.end()), Mention.Form.PRONOUN, pronounType(w.lower()), w.lower(), null, null);
        }
        int paren = indexOf(words, "(");
        int comma = indexOf(words, ",");
        if (paren > 0) {
            int close = indexOf(words, ")");
            List<Word> inner = words.subList(paren + 1, close > paren ? close : words.size());
            return combine(text, words, words.subList(0, paren), inner);
        }
        if (comma > 0) {
            return combine(text, words, words.subList(0, comma), words.subList(comma + 1, words.size()));
        }
        return core(text, words);
    }

    /** Name from one part, role from the other; the mention covers both. */
    private Mention combine(String text, List<Word> all, List<Word> first, List<Word> second) {
        Mention a = core(text, first);
        Mention b = core(text, stripPunct(second));
        Mention named = a != null && a.form() == Mention.Form.NAME ? a : b != null && b.form() == Mention.Form.NAME ? b : null;
        Mention roled = named == a ? b : a;
        if (named == null) {
            return a;
        }
        Role role = named.role() != null ? named.role() : roled != null ? roled.role() : null;
        Span span = Span.of(text, all.get(0).start(), all.get(all.size() - 1).end());
        if (role == null || named.role() != null) {
            return new Mention(span, named.form(), named.type(), named.name(), named.role(), named.roleHead());
        }
        return new Mention(span, Mention.Form.NAME, EntityType.PERSON, named.name(), role, roled.roleHead());
    }

    private Mention core(String text, List<Word> words) {
        if (words.isEmpty()) {
            return null;
        }
        String article = ARTICLES.contains(words.get(0).lower()) ? words.get(0).lower() : null;
        List<Word> body = article == null ? words : words.subList(1, words.size());
        if (body.isEmpty() || hasPunct(body)) {
            return null;
        }
        Span whole = Span.of(text, words.get(0).start(), words.get(words.size() - 1).end());
        String bodyText = text.substring(body.get(0).start(), body.get(body.size() - 1).end());

        String country = lexicons.country(bodyText);
        if (country != null && !"a".equals(article) && !"an".equals(article) && body.size() <= 4 && body.get(0).capitalized()) {
            return new Mention(whole, Mention.Form.NAME, EntityType.COUNTRY, country, null, null);
        }
        int[] title = findTitle(body);
        if (title != null) {
            Mention m = titled(text, words, article, body, title);
            if (m != null) {
                return m;
            }
        }
        if (isOrganization(body, bodyText, article != null)) {
            return new Mention(whole, Mention.Form.NAME, EntityType.ORGANIZATION, capitalize(bodyText), null, null);
        }
        List<Word> name = stripHonorifics(body);
        if (isName(name)) {
            return new Mention(whole, Mention.Form.NAME, EntityType.PERSON, spanText(text, name), null, null);
        }
        for (int k = 1; k < body.size(); k++) {
            // a described person: "his friend Mahamat Saleh Oumar", "Democratic strategist Jane Doe"
            List<Word> tail = body.subList(k, body.size());
            if (!body.get(k - 1).capitalized() && isName(tail)) {
                return new Mention(whole, Mention.Form.NAME, EntityType.PERSON, spanText(text, tail), null, null);
            }
        }
        Word head = body.get(body.size() - 1);
        if (article != null && !head.capitalized() && body.size() <= MAX_DESCRIBED_ROLE_WORDS) {
            // a role described in plain words: "the announcer", "a longtime aide to the senator"
            return new Mention(whole, roleForm(article), EntityType.PERSON, bodyText, null, head.lower());
        }
        if (body.size() <= 4 && lexicons.isGroupNoun(head.text()) && !head.capitalized()) {
            return new Mention(whole, Mention.Form.GROUP, EntityType.OTHER, bodyText, null, null);
        }
        if (body.size() <= 4 && !head.capitalized() && isPluralNoun(head)) {
            // a group in plain words: "most economists", "several union organizers", "internal records"
            return new Mention(whole, Mention.Form.GROUP, EntityType.OTHER, bodyText, null, null);
        }
        return null;
    }

    private boolean isPluralNoun(Word w) {
        String lower = w.lower();
        return lower.length() > 3 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("ous")
                && !lexicons.isFunctionWord(lower) && !lexicons.isAuxiliary(lower) && !lexicons.isCueVerb(lower);
    }

    /** A phrase around a title: "Armenian Prime Minister Nikol Pashinyan", "the spokesman for the ministry". */
    private Mention titled(String text, List<Word> words, String article, List<Word> body, int[] title) {
        List<Word> before = body.subList(0, title[0]);
        List<Word> after = body.subList(title[1], body.size());
        String titleText = spanText(text, body.subList(title[0], title[1]));
        String head = body.get(title[1] - 1).lower();
        Span whole = Span.of(text, words.get(0).start(), words.get(words.size() - 1).end());
        if (!after.isEmpty()) {
            String first = after.get(0).lower();
            if (first.equals("of") || first.equals("for") || first.equals("at")) {
                List<Word> org = stripArticle(after.subList(1, after.size()));
                if (org.isEmpty()) {
                    return null;
                }
                Role role = new Role(titleText, organization(text, org));
                return new Mention(whole, roleForm(article), EntityType.PERSON, spanText(text, body), role, head);
            }
            List<Word> name = stripHonorifics(after);
            if (!isName(name)) {
                return null;
            }
            Role role = new Role(titleText, organization(text, before));
            // The mention starts at the title phrase: "the" belongs to the title, not to the person.
            Span span = Span.of(text, body.get(0).start(), body.get(body.size() - 1).end());
            return new Mention(span, Mention.Form.NAME, EntityType.PERSON, spanText(text, name), role, head);
        }
        boolean capitalizedTitle = body.get(title[0]).capitalized();
        if (article == null && capitalizedTitle && !before.isEmpty() && isName(before) && lexicons.country(spanText(text, before)) == null) {
            return null; // "Martin Luther King": a name ending in a title-like word
        }
        Role role = new Role(titleText, organization(text, before));
        return new Mention(whole, roleForm(article), EntityType.PERSON, spanText(text, body), role, head);
    }

    private static Mention.Form roleForm(String article) {
        return "a".equals(article) || "an".equals(article) || "one".equals(article) || "another".equals(article)
                ? Mention.Form.INDEFINITE_ROLE : Mention.Form.DEFINITE_ROLE;
    }

    /**
     * The last title in the phrase, longest match first, extended left over modifiers ("Acting Assistant Secretary").
     * @return {start, end} word indices, or null
     */
    private int[] findTitle(List<Word> body) {
        int[] best = null;
        int k = 0;
        while (k < body.size()) {
            int matched = 0;
            for (int len = Math.min(lexicons.longestTitle(), body.size() - k); len >= 1; len--) {
                if (lexicons.isTitle(join(body.subList(k, k + len)))) {
                    matched = len;
                    break;
                }
            }
            if (matched > 0) {
                int start = k;
                while (start > 0 && lexicons.isTitleModifier(body.get(start - 1).text())) {
                    start--;
                }
                best = new int[] {start, k + matched};
                k += matched;
            } else {
                k++;
            }
        }
        return best;
    }

    /** Known organisations, acronyms, and phrases headed by an organisation word ("the health ministry"). */
    private boolean isOrganization(List<Word> body, String bodyText, boolean hasArticle) {
        if (lexicons.isOrganization(bodyText)) {
            return true;
        }
        if (body.size() == 1 && body.get(0).text().length() >= 2 && body.get(0).text().equals(body.get(0).text().toUpperCase(Locale.ROOT))
                && Character.isLetter(body.get(0).text().charAt(0))) {
            return true; // an acronym: "NATO", "USAID"
        }
        if (hasArticle && lexicons.isOrgHead(body.get(body.size() - 1).text()) && body.size() <= MAX_DESCRIBED_ROLE_WORDS) {
            return true;
        }
        boolean head = false;
        for (Word w : body) {
            if (lexicons.isOrgHead(w.text())) {
                head = true;
            } else if (!w.capitalized() && !NAME_PARTICLES.contains(w.lower())) {
                return false;
            }
        }
        return head;
    }

    /** A person's name: 1 to 4 capitalised words, particles allowed inside ("Ursula von der Leyen"). */
    private boolean isName(List<Word> name) {
        if (name.isEmpty() || name.size() > MAX_NAME_WORDS) {
            return false;
        }
        for (int i = 0; i < name.size(); i++) {
            Word w = name.get(i);
            boolean inner = i > 0 && i < name.size() - 1;
            if (w.kind() != Token.Kind.WORD || !(w.capitalized() || inner && NAME_PARTICLES.contains(w.lower()))
                    || lexicons.isOrgHead(w.text()) || lexicons.isFunctionWord(w.text()) || PRONOUNS.contains(w.lower())) {
                return false;
            }
        }
        return true;
    }

    /** The organisation a role belongs to: a country for a demonym ("Armenian" -> Armenia), else the phrase. */
    private String organization(String text, List<Word> words) {
        List<Word> org = stripArticle(words);
        if (org.isEmpty() || org.stream().noneMatch(Word::capitalized)) {
            return null;
        }
        String phrase = spanText(text, org);
        String country = lexicons.country(phrase);
        return country != null ? country : phrase;
    }

    private List<Word> stripHonorifics(List<Word> words) {
        int k = 0;
        while (k < words.size() - 1 && lexicons.isHonorific(words.get(k).text())) {
            k++;
        }
        return words.subList(k, words.size());
    }

    private static List<Word> stripArticle(List<Word> words) {
        return !words.isEmpty() && ARTICLES.contains(words.get(0).lower()) ? words.subList(1, words.size()) : words;
    }

    private static List<Word> stripPunct(List<Word> words) {
        int end = words.size();
        while (end > 0 && words.get(end - 1).kind() == Token.Kind.PUNCT) {
            end--;
        }
        return words.subList(0, end);
    }

    private List<Word> words(Document doc, int from, int to) {
        List<Word> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Token t = doc.token(i);
            if (t.kind() == Token.Kind.POSSESSIVE) {
                continue;
            }
            Word last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (t.isPunct('.') && last != null && last.kind() == Token.Kind.WORD && last.end() == t.start()) {
                out.set(out.size() - 1, new Word(last.start(), t.end(), last.text() + ".", Token.Kind.WORD));
            } else {
                out.add(new Word(t.start(), t.end(), t.text(), t.kind()));
            }
        }
        return out;
    }

    private static int indexOf(List<Word> words, String punct) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).kind() == Token.Kind.PUNCT && words.get(i).text().equals(punct)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasPunct(List<Word> words) {
        return words.stream().anyMatch(w -> w.kind() == Token.Kind.PUNCT);
    }

    private static EntityType pronounType(String pronoun) {
        return switch (pronoun) {
            case "he", "she" -> EntityType.PERSON;
            case "it" -> EntityType.ORGANIZATION;
            default -> EntityType.OTHER;
        };
    }

    private static String join(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.lower());
        }
        return sb.toString();
    }

    private static String spanText(String text, List<Word> words) {
        return text.substring(words.get(0).start(), words.get(words.size() - 1).end());
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
