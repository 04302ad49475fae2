// The event timeline: events in date order, each with who took part, the articles and the statements made at it.
import { html, replace } from '../dom.js';
import { graphql, STATEMENT_FIELDS } from '../graphql.js';
import { articleLink, emptyMessage, entityPicker, speakerLink, statementCard } from '../components.js';
import { formatDate, humanize } from '../format.js';
import { route } from '../router.js';

/** The timeline shows at most this many events (one page of the API's maximum) and this many statements per event. */
const EVENTS_SHOWN = 100;
const STATEMENTS_PER_EVENT = 10;

const EVENT_FIELDS = `
  fragment EventFields on Event {
    id type title date endDate dateApproximate status
    participants { id name }
    articles { id title source publishedAt }
    statements(first: ${STATEMENTS_PER_EVENT}) { totalCount edges { node { ...StatementFields } } }
  }
  ${STATEMENT_FIELDS}`;

const EVENTS = `
  query Events($first: Int, $type: String, $participantId: ID, $from: Date, $to: Date) {
    events(first: $first, type: $type, participantId: $participantId, from: $from, to: $to) {
      totalCount
      edges { node { ...EventFields } }
    }
  }
  ${EVENT_FIELDS}`;

const EVENT = `query Event($id: ID!) { event(id: $id) { ...EventFields } } ${EVENT_FIELDS}`;

export async function renderEvents(container, { id, params }) {
  if (id) {
    const { event } = await graphql(EVENT, { id });
    replace(container, html`
      <p class="breadcrumbs"><a href="#/events">Events</a> / Event</p>
      ${event ? html`<ol class="timeline" id="timeline">${eventItem(event)}</ol>` : emptyMessage(`No event has the id ${id}.`)}`);
    return null;
  }
  const participant = params.participant ? { id: params.participant, name: params.participantName || params.participant } : null;
  const participantPicker = entityPicker({ kind: 'speaker', id: 'events-participant', label: 'Participant', initial: participant });
  const formMessage = html`<div class="form-message" role="alert"></div>`;

  async function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      const chosen = await participantPicker.resolve();
      location.hash = route('events', null, {
        type: form.elements.type.value.trim(), from: form.elements.from.value, to: form.elements.to.value,
        participant: chosen?.id, participantName: chosen?.name,
      });
    } catch (error) {
      replace(formMessage, error.message);
    }
  }

  const { events } = await graphql(EVENTS, {
    first: EVENTS_SHOWN, type: params.type || null, participantId: participant?.id || null,
    from: params.from || null, to: params.to || null,
  });
  const nodes = events.edges.map((edge) => edge.node).sort(byDate);
  replace(container, html`
    <h1>Event timeline</h1>
    <form class="search-form" onsubmit=${submit}>
      <div class="field">
        <label for="events-type">Type</label>
        <input id="events-type" name="type" type="search" value=${params.type || ''} placeholder="e.g. PRESS_BRIEFING" />
      </div>
      ${participantPicker.element}
      <div class="field"><label for="events-from">From</label><input id="events-from" name="from" type="date" value=${params.from || ''} /></div>
      <div class="field"><label for="events-to">To</label><input id="events-to" name="to" type="date" value=${params.to || ''} /></div>
      <div class="actions"><button type="submit" class="primary">Show</button><a class="button" href="#/events">Clear</a></div>
    </form>
    ${formMessage}
    <p class="summary" role="status">${nodes.length < events.totalCount
      ? `The first ${nodes.length} of ${events.totalCount} events, in date order.` : `${nodes.length} event${nodes.length === 1 ? '' : 's'}, in date order.`}</p>
    ${nodes.length ? html`<ol class="timeline" id="timeline">${nodes.map(eventItem)}</ol>` : emptyMessage('No events match.')}`);
  return null;
}

/** Dated events first (oldest first), then undated ones. */
function byDate(a, b) {
  if (!a.date || !b.date) {
    return (a.date ? 0 : 1) - (b.date ? 0 : 1);
  }
  return a.date.localeCompare(b.date);
}

function eventItem(event) {
  const statements = event.statements.edges.map((edge) => edge.node);
  const when = event.endDate && event.endDate !== event.date
    ? `${formatDate(event.date)} – ${formatDate(event.endDate)}` : formatDate(event.date);
  return html`
    <li class="timeline-event" data-event-id=${event.id}>
      <div class="timeline-date"><time datetime=${event.date || ''}>${event.dateApproximate ? `about ${when}` : when}</time></div>
      <div class="timeline-body">
        <h2><a href=${route('events', event.id)}>${event.title || humanize(event.type)}</a>
          <span class="badge">${humanize(event.type)}</span>
          ${event.status && event.status !== 'HAPPENED' ? html`<span class="badge">${humanize(event.status)}</span>` : null}</h2>
        ${event.participants.length
          ? html`<p><span class="muted">Participants:</span> ${event.participants.map((p, i) => [i ? ', ' : '', speakerLink(p)])}</p>` : null}
        ${event.articles?.length
          ? html`<p><span class="muted">Reported in:</span> ${event.articles.map((a, i) => [i ? ', ' : '', articleLink(a)])}</p>` : null}
        ${statements.length ? html`
          <details class="event-statements" open>
            <summary>${event.statements.totalCount} statement${event.statements.totalCount === 1 ? '' : 's'} made at this event
              ${event.statements.totalCount > statements.length ? ` (the newest ${statements.length})` : ''}</summary>
            ${statements.map((statement) => statementCard(statement, { showOccasion: false }))}
          </details>` : html`<p class="muted">No statements recorded at this event.</p>`}
      </div>
    </li>`;
}
