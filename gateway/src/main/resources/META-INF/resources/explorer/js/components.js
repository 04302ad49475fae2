// Pieces that several views show: statement cards, links, messages and the speaker/entity picker.
import { html } from './dom.js';
import { graphql } from './graphql.js';
import { formatDate, formatInstant, humanize } from './format.js';
import { route } from './router.js';

export const speakerLink = (speaker) =>
  speaker
    ? html`<a class="speaker-link" href=${route('speaker', speaker.id)}>${speaker.name}</a>`
    : html`<span class="muted">Unattributed</span>`;

export const articleLink = (article, statementId) =>
  html`<a href=${route('article', article.id, statementId ? { statement: statementId } : {})}>${articleName(article)}</a>`;

export const articleName = (article) => article.title || `Untitled article (${article.source || 'unknown source'})`;

export const eventLink = (event) =>
  html`<a href=${route('events', event.id)}>${event.title || humanize(event.type)}, ${formatDate(event.date)}</a>`;

export const entityChip = (entity) =>
  html`<a class="chip" href=${route('search', null, { entity: entity.id, entityName: entity.name })}
          title=${`Statements about ${entity.name} (${humanize(entity.type)})`}>${entity.name}</a>`;

/** One statement with who said it, where and when; a speaker's page and an event leave out what they are about. */
export function statementCard(statement, { showSpeaker = true, showOccasion = true, fresh = false } = {}) {
  return html`
    <article class=${`statement${fresh ? ' fresh' : ''}`} data-statement-id=${statement.id}>
      <blockquote class="statement-content">${statement.content.text}</blockquote>
      <p class="statement-meta">
        ${showSpeaker ? [speakerLink(statement.speaker), ' '] : null}
        <span class="cue">${statement.cue?.text || 'said'}</span>
        <span class=${`badge kind-${statement.kind.toLowerCase()}`}>${humanize(statement.kind)}</span>
        <span class="sep" aria-hidden="true">·</span>
        ${statement.article // null when ingest-service could not be asked (a partial result)
          ? [articleLink(statement.article, statement.id), ', ',
            html`<time datetime=${statement.article.publishedAt}>${formatInstant(statement.article.publishedAt)}</time>`]
          : html`<span class="muted">article unavailable</span>`}
        ${showOccasion && statement.occasion ? [html`<span class="sep" aria-hidden="true">·</span>`, 'at ', eventLink(statement.occasion)] : null}
      </p>
      ${statement.about?.length
        ? html`<p class="statement-about"><span class="muted">About</span> ${statement.about.map(entityChip)}</p>`
        : null}
    </article>`;
}

/** Items with " · " between them (htm drops whitespace around line breaks, so inline lists are built here). */
export const separated = (items) =>
  items.filter(Boolean).flatMap((item, i) => (i ? [html`<span class="sep" aria-hidden="true">·</span>`, item] : [item]));

export const errorMessage = (error) =>
  html`<div class="message error" role="alert"><strong>Something went wrong.</strong> ${error.message}</div>`;

export const emptyMessage = (text) => html`<p class="message empty">${text}</p>`;

const PICKERS = {
  speaker: {
    query: `query($search: String) { speakers(search: $search, first: 8) { edges { node { id name statementCount } } } }`,
    pick: (data) => data.speakers,
    describe: (node) => `${node.statementCount} statement${node.statementCount === 1 ? '' : 's'}`,
  },
  entity: {
    query: `query($search: String) { entities(search: $search, first: 8) { edges { node { id name type } } } }`,
    pick: (data) => data.entities,
    describe: (node) => humanize(node.type),
  },
};

/**
 * A text field that suggests speakers or entities by name (a native datalist) and remembers the id of the one chosen.
 * `resolve()` returns {id, name} for the field's text (the first match when it was typed, not picked), null when the
 * field is empty, or throws when nothing matches.
 */
export function entityPicker({ kind, id, label, initial }) {
  const config = PICKERS[kind];
  const known = new Map(initial?.id ? [[initial.name, initial]] : []);
  let timer;
  const listId = `${id}-suggestions`;
  const list = html`<datalist id=${listId}></datalist>`;
  const input = html`<input id=${id} name=${id} type="search" list=${listId} autocomplete="off"
                            value=${initial?.name || ''} placeholder=${`Any ${kind}`}
                            oninput=${() => { clearTimeout(timer); timer = setTimeout(suggest, 200); }} />`;

  async function lookup(text) {
    const nodes = config.pick(await graphql(config.query, { search: text })).edges.map((edge) => edge.node);
    nodes.forEach((node) => known.set(node.name, node));
    return nodes;
  }

  async function suggest() {
    const text = input.value.trim();
    if (text.length < 2) {
      return;
    }
    const nodes = await lookup(text).catch(() => []);
    list.replaceChildren(...nodes.map((node) => html`<option value=${node.name}>${config.describe(node)}</option>`));
  }

  async function resolve() {
    const text = input.value.trim();
    if (!text) {
      return null;
    }
    const found = known.get(text) || (await lookup(text))[0];
    if (!found) {
      throw new Error(`No ${kind} matches “${text}”.`);
    }
    return { id: found.id, name: found.name };
  }

  const element = html`<div class="field"><label for=${id}>${label}</label>${input}${list}</div>`;
  return { element, resolve };
}
