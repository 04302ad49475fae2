package io.quotegraph.extraction.entity;

import io.quotegraph.model.EntityType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People an article names outside its speakers, read in text order as a reader does: a title before a name
 * ("President Aliyev", "Prime Minister Nikol Pashinyan"), a role with the name in parentheses ("the secretary (Antony
 * Blinken)"), and later the bare role ("the secretary", "the president") for the person last named with it.
 * A surname is completed to the full name the article gives ("President Aliyev" after "Ilham Aliyev" → Ilham Aliyev).
 */
final class PersonMentions {

    /**
     * A person named at [start, end) of the article text (a long title before it, from coverStart, is not part of the
     * mention but names no one else: "Assistant Secretary for Europe and Eurasian Affairs Yuri Kim"); role: the role it names the person by there (lower case, the
     * key roles are learnt by), title: that role as written ("Prime Minister"), if any.
     */
    record Found(int start, int end, String name, String role, String title, int coverStart) {

        Found(int start, int end, String name, String role, String title) {
            this(start, end, name, role, title, start);
        }
    }

    private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’\\-]+";
    private static final String NAME = NAME_WORD + "(?:\\s+" + NAME_WORD + "){0,2}";
    private static final String TITLE = "(?:(?:Vice|Deputy|Acting|Former)\\s+)?(?:(?:Assistant|Under)\\s+Secretary\\s+(?:of|for)\\s+"
            + "(?:\\p{Lu}\\p{L}+\\s+(?:and\\s+)?)+Affairs|President|Prime\\s+Minister|Secretary\\s+of\\s+State"
            + "|Foreign\\s+Minister|Defen[cs]e\\s+Minister|Minister|Secretary|Chancellor|Senator|Sen\\.|Rep\\.|Governor|Gov\\."
            + "|Mayor|Ambassador|General|Gen\\.|King|Queen|Pope|Mr\\.|Mrs\\.|Ms\\.|Dr\\.)";
    // every title starts with a capital: the lookahead rejects other positions before the word-boundary test and
    // the alternation (this pattern was the engine's costliest step)
    private static final Pattern TITLED = Pattern.compile("(?=\\p{Lu})\\b(" + TITLE + ")\\s+(" + NAME + ")");
    private static final Pattern PARENTHESISED = Pattern.compile("(?=[Tt])\\b[Tt]he\\s+([a-z]+(?:\\s+[a-z]+)?)\\s+\\((" + NAME + ")\\)");
    private static final Pattern BARE_ROLE = Pattern.compile("(?=[Tt])\\b[Tt]he\\s+([a-z]+(?:\\s+[a-z]+)?)\\b");
    /** Words that end a name: titles and words that start a new phrase even when capitalised. */
    private static final Set<String> NOT_NAMES = Set.of("President", "Minister", "Secretary", "Prime", "State", "Department",
            "Government", "Ministry", "Agency", "The", "And", "Of", "For", "Acting", "Assistant", "General",
            "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen");

    private PersonMentions() {
    }

    static List<Found> find(String text) {
        return find(text, Gazetteer.empty(), null);
    }

    /**
     * As {@link #find(String)}, and with the gazetteer: a surname the article does not complete is the gazetteer's
     * only person of that surname ("Secretary Blinken" → Antony Blinken), and a bare role the article gives no one
     * ("the secretary") is the only person the gazetteer has in such an office on the article's date, at an
     * organisation the article names (only offices with a stated start count, and only when the date is known).
     */
    static List<Found> find(String text, Gazetteer gazetteer, LocalDate date) {
        List<Found> found = new ArrayList<>();
        Map<String, String> fullNames = new HashMap<>(); // surname → the full name the article gives
        Map<String, String> roles = new HashMap<>();     // "secretary" → the person last named with it
        BitSet taken = new BitSet(text.length());
        // each pattern is matched once; both passes read the matches
        List<MatchResult> parenthesisedMatches = PARENTHESISED.matcher(text).results().toList();
        List<MatchResult> titledMatches = TITLED.matcher(text).results().toList();
        // first pass: full names, so that surnames can be completed wherever they appear
        for (List<MatchResult> matches : List.of(parenthesisedMatches, titledMatches)) {
            for (MatchResult m : matches) {
                List<String> tokens = nameTokens(m.group(2));
                if (tokens.size() == 1) {
                    gazetteer.personBySurname(tokens.get(0))
                            .ifPresent(e -> fullNames.putIfAbsent(tokens.get(0), e.canonical()));
                }
                if (tokens.size() >= 2) {
                    fullNames.put(tokens.get(tokens.size() - 1), String.join(" ", tokens));
                }
            }
        }
        for (MatchResult parenthesised : parenthesisedMatches) {
            String name = complete(nameTokens(parenthesised.group(2)), fullNames);
            if (name != null) {
                // the mention is the role ("the secretary"): the name in parentheses is what it stands for
                found.add(new Found(parenthesised.start(), parenthesised.end(1), name,
                        parenthesised.group(1).toLowerCase(Locale.ROOT), parenthesised.group(1)));
                taken.set(parenthesised.start(), parenthesised.end());
            }
        }
        for (MatchResult titled : titledMatches) {
            List<String> tokens = nameTokens(titled.group(2));
            String name = complete(tokens, fullNames);
            if (name == null || overlaps(taken, titled.start(), titled.end())) {
                continue;
            }
            int end = titled.start(2) + String.join(" ", tokens).length();
            String title = titled.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            boolean honorific = title.endsWith(".");
            // an office with its remit ("… for Europe and Eurasian Affairs") is too long to be a name for the person
            int start = title.endsWith(" affairs") ? titled.start(2) : titled.start();
            found.add(new Found(start, Math.min(end, titled.end()), name, honorific ? null : title,
                    honorific ? null : titled.group(1).replaceAll("\\s+", " "), titled.start()));
            taken.set(titled.start(), titled.end());
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        // bare roles refer to the person last named with that role before them
        List<Found> withRoles = new ArrayList<>(found);
        Matcher bare = BARE_ROLE.matcher(text);
        int next = 0;
        while (bare.find()) {
            while (next < found.size() && found.get(next).start() < bare.start()) {
                learnRole(found.get(next), roles);
                next++;
            }
            if (overlaps(taken, bare.start(), bare.end())) {
                continue;
            }
            String role = bare.group(1).toLowerCase(Locale.ROOT);
            String person = roles.get(role);
            if (person == null && !role.contains(" ")) {
                person = officeHolder(text, role, gazetteer, date);
            }
            if (person == null && role.contains(" ")) {
                role = role.substring(0, role.indexOf(' '));
                person = roles.get(role);
                if (person == null) {
                    person = officeHolder(text, role, gazetteer, date);
                }
                if (person != null) {
                    withRoles.add(new Found(bare.start(), bare.start() + bare.group().indexOf(' ') + 1 + role.length(), person, role, role));
                }
                continue;
            }
            if (person != null) {
                withRoles.add(new Found(bare.start(), bare.end(), person, role, bare.group(1)));
            }
        }
        withRoles.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return withRoles;
    }

    /** The only person the gazetteer has in an office this role names on the date, at an organisation the text names. */
    private static String officeHolder(String text, String role, Gazetteer gazetteer, LocalDate date) {
        if (date == null) {
            return null;
        }
        String holder = null;
        for (Map.Entry<Gazetteer.Entry, Gazetteer.Office> h : gazetteer.officeHolders(role, date)) {
            Gazetteer.Office office = h.getValue();
            if (office.from() == null || office.organization() == null || !names(text, office.organization(), gazetteer)) {
                continue;
            }
            if (holder != null && !holder.equals(h.getKey().canonical())) {
                return null;
            }
            holder = h.getKey().canonical();
        }
        return holder;
    }

    /** Whether the text names the organisation by one of its gazetteer names (as written, on word boundaries). */
    private static boolean names(String text, String organization, Gazetteer gazetteer) {
        List<String> names = gazetteer.lookup(organization).map(Gazetteer.Entry::names).orElse(List.of(organization));
        for (String name : names) {
            String n = name.regionMatches(true, 0, "the ", 0, 4) ? name.substring(4) : name;
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}])").matcher(text);
            if (m.find()) {
                return true;
            }
        }
        return false;
    }

    /** "the secretary (Antony Blinken)" teaches "secretary"; "Prime Minister Pashinyan" teaches "prime minister" and "minister". */
    private static void learnRole(Found f, Map<String, String> roles) {
        if (f.role() == null) {
            return;
        }
        roles.put(f.role(), f.name());
        int space = f.role().lastIndexOf(' ');
        if (space > 0) {
            roles.putIfAbsent(f.role().substring(space + 1), f.name());
        }
    }

    private static List<String> nameTokens(String raw) {
        List<String> tokens = new ArrayList<>();
        for (String token : raw.trim().split("\\s+")) {
            String clean = token.replaceAll("['’]s$", "");
            if (NOT_NAMES.contains(clean)) {
                break;
            }
            tokens.add(clean);
        }
        return tokens;
    }

    /** The person's full name where the article gives it, else the name as written; null if there is none. */
    private static String complete(List<String> tokens, Map<String, String> fullNames) {
        if (tokens.isEmpty() || EntityNames.nameTokens(String.join(" ", tokens), EntityType.PERSON).isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return fullNames.getOrDefault(tokens.get(0), tokens.get(0));
        }
        return String.join(" ", tokens);
    }

    private static boolean overlaps(BitSet taken, int start, int end) {
        int next = taken.nextSetBit(start);
        return next >= 0 && next < end;
    }
}
