// A speaker: names, roles, affiliations, statements over time (a uPlot bar chart) and the statements themselves.
import { html, replace, append } from '../dom.js';
import { allNodes, graphql, STATEMENT_FIELDS } from '../graphql.js';
import { statementCard, emptyMessage, separated } from '../components.js';
import { formatDate, humanize } from '../format.js';
import { route } from '../router.js';
import { statementsOverTime } from '../chart.js';

/** The chart counts at most this many of the speaker's newest statements (10 pages of the API's maximum). */
const CHART_LIMIT = 1000;
const LIST_PAGE = 20;

const SPEAKER = `
  query Speaker($id: ID!) {
    speaker(id: $id) {
      id name type aliases affiliations statementCount
      roles { title organizationName firstSeen lastSeen }
    }
  }`;

const SPEAKER_STATEMENTS = `
  query SpeakerStatements($id: ID!, $first: Int, $after: String) {
    speaker(id: $id) {
      statements(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { ...StatementFields } }
      }
    }
  }
  ${STATEMENT_FIELDS}`;

export async function renderSpeaker(container, { id }) {
  const [{ speaker }, statements] = await Promise.all([
    graphql(SPEAKER, { id }),
    allNodes(SPEAKER_STATEMENTS, { id }, (data) => data.speaker?.statements, CHART_LIMIT),
  ]);
  if (!speaker) {
    replace(container, html`<h1>Speaker not found</h1>`, emptyMessage(`No speaker has the id ${id}; it may have been merged.`));
    return null;
  }
  const chart = html`<div class="chart" role="img"></div>`;
  const list = html`<div class="results" id="speaker-statements"></div>`;
  const more = html`<div class="more"></div>`;

  replace(container, html`
    <p class="breadcrumbs"><a href="#/search">Search</a> / Speaker</p>
    <header class="page-header">
      <h1 id="speaker-name">${speaker.name}</h1>
      <p class="muted">${separated([
        `${humanize(speaker.type)}`,
        `${speaker.statementCount} statement${speaker.statementCount === 1 ? '' : 's'}`,
        html`<a href=${route('search', null, { speaker: speaker.id, speakerName: speaker.name })}>search their statements</a>`,
        html`<a href=${route('events', null, { participant: speaker.id, participantName: speaker.name })}>their events</a>`,
        html`<a href=${route('curation', speaker.id)}>curate</a>`,
      ])}</p>
    </header>
    <div class="speaker-facts">
      <section aria-labelledby="aliases-title">
        <h2 id="aliases-title">Also named</h2>
        ${speaker.aliases.length
          ? html`<ul class="chips" id="speaker-aliases">${speaker.aliases.map((alias) => html`<li class="chip">${alias}</li>`)}</ul>`
          : html`<p class="muted">No other names.</p>`}
      </section>
      <section aria-labelledby="roles-title">
        <h2 id="roles-title">Roles</h2>
        ${speaker.roles.length ? rolesTable(speaker.roles) : html`<p class="muted">No roles seen.</p>`}
      </section>
      <section aria-labelledby="affiliations-title">
        <h2 id="affiliations-title">Affiliations</h2>
        ${speaker.affiliations.length
          ? html`<ul class="chips" id="speaker-affiliations">${speaker.affiliations.map((name) => html`<li class="chip">${name}</li>`)}</ul>`
          : html`<p class="muted">None known.</p>`}
      </section>
    </div>
    <section aria-labelledby="chart-title">
      <h2 id="chart-title">Statements over time</h2>
      ${chart}
    </section>
    <section aria-labelledby="statements-title">
      <h2 id="statements-title">Statements <span class="muted">(newest first)</span></h2>
      ${list}
      ${more}
    </section>`);

  const nodes = statements?.nodes || [];
  let shown = 0;
  const showMore = () => {
    append(list, nodes.slice(shown, shown + LIST_PAGE).map((node) => statementCard(node, { showSpeaker: false })));
    shown = Math.min(nodes.length, shown + LIST_PAGE);
    replace(more, shown < nodes.length ? html`<button type="button" onclick=${showMore}>Show more</button>` : null);
  };
  if (nodes.length) {
    showMore();
  } else {
    replace(list, emptyMessage('No statements.'));
  }
  const note = statements && statements.totalCount > nodes.length
    ? `The chart counts the newest ${nodes.length} of ${statements.totalCount} statements.` : null;
  return statementsOverTime(chart, nodes.map((node) => node.article?.publishedAt), note);
}

const rolesTable = (roles) => html`
  <table class="roles" id="speaker-roles">
    <thead><tr><th scope="col">Title</th><th scope="col">Organisation</th><th scope="col">First seen</th><th scope="col">Last seen</th></tr></thead>
    <tbody>
      ${roles.map((role) => html`
        <tr><td>${role.title || '—'}</td><td>${role.organizationName || '—'}</td>
            <td>${formatDate(role.firstSeen)}</td><td>${formatDate(role.lastSeen)}</td></tr>`)}
    </tbody>
  </table>`;
