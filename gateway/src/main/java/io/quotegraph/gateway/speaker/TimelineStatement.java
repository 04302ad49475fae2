package io.quotegraph.gateway.speaker;

import io.quotegraph.gateway.statement.Statement;
import io.quotegraph.model.view.TimelineEntryView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("TimelineStatement")
@Description("A statement in a speaker's timeline.")
public class TimelineStatement implements TimelineEntry {

    @Ignore
    private final TimelineEntryView view;

    public TimelineStatement(TimelineEntryView view) {
        this.view = view;
    }

    @Override
    @NonNull
    public LocalDate getDate() {
        return view.date();
    }

    @Override
    public LocalDate getEndDate() {
        return view.endDate();
    }

    @Override
    public String getGranularity() {
        return view.granularity();
    }

    @Override
    public boolean isDateApproximate() {
        return view.dateApproximate();
    }

    @NonNull
    public Statement getStatement() {
        return new Statement(view.statement());
    }
}
