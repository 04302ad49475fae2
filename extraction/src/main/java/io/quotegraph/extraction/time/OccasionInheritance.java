package io.quotegraph.extraction.time;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Occasion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spreads a speaker's occasion over that speaker's statements in the article: a briefing is one occasion,
 * and reports name it once ("told a press briefing on Monday") and then go on with "he added". The parts
 * may come from different statements ("said Wednesday" in the lead, "told reporters" later), so the type
 * and the date are merged per speaker. A statement that names a different occasion keeps its own, and
 * statements of other speakers never inherit.
 */
public final class OccasionInheritance {

    public List<ExtractedStatement> apply(List<ExtractedStatement> statements) {
        Map<String, Occasion> bySpeaker = new HashMap<>();
        for (ExtractedStatement s : statements) {
            Occasion own = s.occasion();
            if (s.speakerKey() == null || own == null) {
                continue;
            }
            Occasion merged = bySpeaker.get(s.speakerKey());
            if (merged == null) {
                bySpeaker.put(s.speakerKey(), own);
            } else if (compatible(merged, own)) {
                bySpeaker.put(s.speakerKey(), merge(merged, own));
            }
        }
        List<ExtractedStatement> out = new ArrayList<>(statements.size());
        for (ExtractedStatement s : statements) {
            Occasion shared = s.speakerKey() == null ? null : bySpeaker.get(s.speakerKey());
            Occasion own = s.occasion();
            Occasion occasion = shared == null ? own : own == null ? shared : compatible(shared, own) ? merge(own, shared) : own;
            out.add(occasion == own ? s : new ExtractedStatement(s.kind(), s.content(), s.cue(), s.speakerMention(),
                    s.speakerKey(), s.confidence(), occasion));
        }
        return out;
    }

    private static boolean compatible(Occasion a, Occasion b) {
        boolean typesAgree = isUnspecified(a) || isUnspecified(b) || a.type().equals(b.type());
        boolean datesAgree = a.date() == null || b.date() == null || a.date().equals(b.date());
        return typesAgree && datesAgree;
    }

    /** {@code first}'s parts, with what it lacks taken from {@code second}. */
    private static Occasion merge(Occasion first, Occasion second) {
        String type = isUnspecified(first) ? second.type() : first.type();
        LocalDate date = first.date() != null ? first.date() : second.date();
        Occasion evidenceSource = isUnspecified(first) && !isUnspecified(second) ? second : first;
        Occasion merged = new Occasion(type, date, evidenceSource.evidence());
        return Objects.equals(merged, first) ? first : merged;
    }

    private static boolean isUnspecified(Occasion o) {
        return OccasionFinder.UNSPECIFIED.equals(o.type());
    }
}
