package io.quotegraph.extraction;

import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.ExtractedEvent;
import io.quotegraph.model.Span;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;

/** Readable listing of an extraction for assertion messages. */
final class Dump {

    private Dump() {
    }

    static String of(Extraction x) {
        StringBuilder sb = new StringBuilder();
        for (ArticleSpeaker s : x.speakers()) {
            sb.append(s).append('\n');
        }
        for (ExtractedStatement s : x.statements()) {
            sb.append(s.kind()).append(" [").append(s.speakerKey()).append("] mention=")
                    .append(s.speakerMention() == null ? null : s.speakerMention().text())
                    .append(" cue=").append(s.cue() == null ? null : s.cue().text())
                    .append(" occ=").append(s.occasion() == null ? null : s.occasion().type() + "/" + s.occasion().date()
                            + "/" + s.occasion().evidence().text())
                    .append(" conf=").append(String.format("%.2f", s.confidence()))
                    .append(" events=").append(s.aboutEvents())
                    .append("\n    ").append(s.content().text().replace('\n', '|')).append('\n');
        }
        for (int e = 0; e < x.events().size(); e++) {
            ExtractedEvent event = x.events().get(e);
            sb.append("event ").append(e).append(' ').append(event.type()).append(' ').append(event.status())
                    .append(" date=").append(event.date())
                    .append(" participants=").append(event.participants().stream().map(EntityMention::name).toList())
                    .append(" location=").append(event.location() == null ? null : event.location().name())
                    .append(" evidence=").append(event.evidence().stream().map(Span::text).toList()).append('\n');
        }
        return sb.toString();
    }
}
