package io.quotegraph.gateway.speaker;

import io.quotegraph.gateway.client.StatementsBackend;
import io.quotegraph.gateway.entity.AliasLink;
import io.quotegraph.gateway.entity.EntityBackend;
import io.quotegraph.gateway.entity.EntityLink;
import io.quotegraph.gateway.graphql.InvalidArgumentException;
import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.gateway.statement.NestedStatements;
import io.quotegraph.gateway.statement.NestedStatementsSelection;
import io.quotegraph.gateway.statement.StatementConnection;
import io.quotegraph.model.view.TimelineView;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Speakers (statements-service): queries and the speaker's statements. */
@GraphQLApi
public class SpeakerApi {

    @Inject
    StatementsBackend statements;

    @Inject
    NestedStatements nestedStatements;

    @Inject
    EntityBackend entities;

    @Inject
    Context context;

    @Query("speaker")
    @Description("The speaker with this id, or null.")
    public Speaker speaker(@Name("id") @Id @NonNull String id) {
        return statements.speaker(id).map(Speaker::new).orElse(null);
    }

    @Query("speakers")
    @Description("Speakers, most quoted first; `search` matches names and aliases (each word the start of a word of "
            + "one), `role` the titles of their roles the same way (\"spokes\" finds spokesmen and spokeswomen).")
    public SpeakerConnection speakers(@Name("first") Integer first,
                                      @Name("after") String after,
                                      @Name("search") String search,
                                      @Name("role") String role) {
        PageRequest page = PageRequest.of(first, after);
        return SpeakerConnection.of(Slice.of(statements.speakers(blankToNull(search), blankToNull(role),
                page.offset(), page.backendLimit()), page).map(Speaker::new));
    }

    @Name("statements")
    @Description("The speaker's statements, newest first.")
    @NonNull
    public List<@NonNull StatementConnection> statements(@Source List<Speaker> speakers,
                                                         @Name("first") Integer first,
                                                         @Name("after") String after) {
        return nestedStatements.connections(NestedStatements.Parent.SPEAKER,
                speakers.stream().map(Speaker::getId).toList(), first, after,
                NestedStatementsSelection.largestFirstPage(context, "Speaker"));
    }

    @Name("timeline")
    @Description("The speaker's statements and the events they took part in or spoke at, oldest first (on one day, "
            + "events first). A statement is dated by the event it was made at when that date is known, else by its "
            + "article's publication day. `from`/`to` bound the dates (an event's range matches when it overlaps).")
    @NonNull
    public List<@NonNull TimelineConnection> timeline(@Source List<Speaker> speakers,
                                                      @Name("first") Integer first,
                                                      @Name("after") String after,
                                                      @Name("from") LocalDate from,
                                                      @Name("to") LocalDate to) {
        TimelineRequest request = TimelineRequest.of(first, after, from, to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidArgumentException("from must not be after to");
        }
        Map<String, TimelineView> pages = statements.timelines(speakers.stream().map(Speaker::getId).toList(),
                from, to, request.after(), request.backendLimit());
        return speakers.stream().map(s -> new TimelineConnection(request, pages.get(s.getId()), r -> fetchOne(s.getId(), r)))
                .toList();
    }

    private TimelineView fetchOne(String speakerId, TimelineRequest r) {
        return statements.timelines(List.of(speakerId), r.from() == null ? null : LocalDate.parse(r.from()),
                r.to() == null ? null : LocalDate.parse(r.to()), r.after(), r.backendLimit()).get(speakerId);
    }

    @Name("links")
    @Description("Each article's name for the speaker, with the score, evidence and basis of its link (one backend call "
            + "per speaker: meant for a speaker's page, not for long lists).")
    @NonNull
    public List<@NonNull EntityLink> links(@Source Speaker speaker) {
        return entities.links(speaker.getId()).stream().map(EntityLink::new).toList();
    }

    @Name("aliasLinks")
    @Description("The speaker's names, each with the score, evidence and basis of the link that made it theirs (one "
            + "backend call per speaker).")
    @NonNull
    public List<@NonNull AliasLink> aliasLinks(@Source Speaker speaker) {
        return entities.aliasLinks(speaker.getId()).stream().map(AliasLink::new).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
