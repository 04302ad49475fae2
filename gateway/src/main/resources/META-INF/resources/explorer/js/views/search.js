// Search statements by words, speaker, entity, kind and date range; matching new statements arrive live at the top.
import { html, replace, append } from '../dom.js';
import { graphql, STATEMENT_FIELDS } from '../graphql.js';
import { subscribe } from '../live.js';
import { statementCard, entityPicker, errorMessage, emptyMessage } from '../components.js';
import { endOfDay, startOfDay } from '../format.js';
import { route } from '../router.js';

const PAGE_SIZE = 20;

const SEARCH = `
  query Search($first: Int, $after: String, $text: String, $speakerId: ID, $entityId: ID, $kind: StatementKind,
               $from: DateTime, $to: DateTime) {
    statements(first: $first, after: $after, text: $text, speakerId: $speakerId, entityId: $entityId, kind: $kind,
               from: $from, to: $to) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...StatementFields } }
    }
  }
  ${STATEMENT_FIELDS}`;

const STATEMENT_ADDED = `
  subscription StatementAdded($speakerId: ID, $entityId: ID) {
    statementAdded(speakerId: $speakerId, entityId: $entityId) { ...StatementFields }
  }
  ${STATEMENT_FIELDS}`;

const LIVE_STATES = {
  connecting: 'Connecting for live updates…',
  reconnecting: 'Live updates interrupted; reconnecting…',
  live: 'Live: new statements matching this search appear at the top.',
  unavailable: 'Live updates are unavailable',
};

export async function renderSearch(container, { params }) {
  const filter = {
    text: params.text || '',
    kind: params.kind || '',
    from: params.from || '',
    to: params.to || '',
    speaker: params.speaker ? { id: params.speaker, name: params.speakerName || params.speaker } : null,
    entity: params.entity ? { id: params.entity, name: params.entityName || params.entity } : null,
  };
  const speakerPicker = entityPicker({ kind: 'speaker', id: 'search-speaker', label: 'Speaker', initial: filter.speaker });
  const entityPickerField = entityPicker({ kind: 'entity', id: 'search-entity', label: 'About', initial: filter.entity });
  const formMessage = html`<div class="form-message" role="alert"></div>`;
  const summary = html`<p class="summary" role="status" aria-live="polite"></p>`;
  const liveStatus = html`<p class="live-status" data-state="connecting" aria-live="polite"></p>`;
  const results = html`<div class="results" id="search-results"></div>`;
  const more = html`<div class="more"></div>`;

  async function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      const [speaker, entity] = await Promise.all([speakerPicker.resolve(), entityPickerField.resolve()]);
      const target = route('search', null, {
        text: form.elements.text.value.trim(), kind: form.elements.kind.value,
        from: form.elements.from.value, to: form.elements.to.value,
        speaker: speaker?.id, speakerName: speaker?.name, entity: entity?.id, entityName: entity?.name,
      });
      if (location.hash === target) {
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } else {
        location.hash = target;
      }
    } catch (error) {
      replace(formMessage, error.message);
    }
  }

  replace(container, html`
    <h1>Search statements</h1>
    <form class="search-form" role="search" onsubmit=${submit}>
      <div class="field grow">
        <label for="search-text">Words</label>
        <input id="search-text" name="text" type="search" value=${filter.text} placeholder="e.g. ceasefire" />
      </div>
      ${speakerPicker.element}
      ${entityPickerField.element}
      <div class="field">
        <label for="search-kind">Kind</label>
        <select id="search-kind" name="kind">
          ${['', 'DIRECT', 'INDIRECT', 'MIXED'].map((kind) => html`
            <option value=${kind} selected=${kind === filter.kind}>${kind ? kind.toLowerCase() : 'any'}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="search-from">From</label>
        <input id="search-from" name="from" type="date" value=${filter.from} />
      </div>
      <div class="field">
        <label for="search-to">To</label>
        <input id="search-to" name="to" type="date" value=${filter.to} />
      </div>
      <div class="actions">
        <button type="submit" class="primary">Search</button>
        <a class="button" href="#/search">Clear</a>
      </div>
    </form>
    ${formMessage}
    ${liveStatus}
    ${summary}
    ${results}
    ${more}`);

  const variables = {
    text: filter.text || null, kind: filter.kind || null,
    speakerId: filter.speaker?.id || null, entityId: filter.entity?.id || null,
    from: startOfDay(filter.from), to: endOfDay(filter.to),
  };
  const shown = new Set();
  let totalCount = 0;

  const showSummary = () => replace(summary, `${totalCount} statement${totalCount === 1 ? '' : 's'}`);

  async function loadPage(after) {
    replace(more);
    let connection;
    try {
      connection = (await graphql(SEARCH, { ...variables, first: PAGE_SIZE, after })).statements;
    } catch (error) {
      replace(results, errorMessage(error));
      return;
    }
    totalCount = connection.totalCount;
    showSummary();
    const fresh = connection.edges.map((edge) => edge.node).filter((node) => !shown.has(node.id));
    fresh.forEach((node) => shown.add(node.id));
    append(results, fresh.map((node) => statementCard(node)));
    if (!shown.size) {
      replace(results, emptyMessage('No statements match. Try fewer words or a wider date range.'));
    }
    if (connection.pageInfo.hasNextPage) {
      replace(more, html`<button type="button" onclick=${() => loadPage(connection.pageInfo.endCursor)}>Show more</button>`);
    }
  }

  function onStatementAdded({ statementAdded: statement }) {
    if (!statement || shown.has(statement.id) || !matchesFilter(statement, variables)) {
      return;
    }
    shown.add(statement.id);
    results.querySelector('.message.empty')?.remove();
    results.prepend(statementCard(statement, { fresh: true }));
    totalCount += 1;
    showSummary();
  }

  const endLive = subscribe(STATEMENT_ADDED, { speakerId: variables.speakerId, entityId: variables.entityId }, {
    onData: onStatementAdded,
    onStatus: (state, detail) => {
      liveStatus.dataset.state = state;
      replace(liveStatus, detail ? `${LIVE_STATES[state]}: ${detail}` : LIVE_STATES[state]);
    },
  });
  await loadPage(null);
  return endLive;
}

/** The subscription filters by speaker and entity; the other filters of the search are applied here. */
function matchesFilter(statement, { text, kind, from, to }) {
  if (kind && statement.kind !== kind) {
    return false;
  }
  const published = Date.parse(statement.article?.publishedAt);
  if ((from || to) && Number.isNaN(published)) {
    return false;
  }
  if ((from && published < Date.parse(from)) || (to && published > Date.parse(to))) {
    return false;
  }
  if (text) {
    const words = new Set(foldedWords(statement.content.text));
    return foldedWords(text).every((word) => words.has(word));
  }
  return true;
}

/** Lower-case words without diacritics: the folding the statements service searches with. */
function foldedWords(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
