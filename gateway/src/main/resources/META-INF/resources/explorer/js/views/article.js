// Articles: the newest ones, and one article's text with its statements highlighted in their speakers' colours.
import { html, replace } from '../dom.js';
import { allNodes, graphql } from '../graphql.js';
import { articleName, emptyMessage, eventLink, separated, speakerLink } from '../components.js';
import { formatInstant, humanize } from '../format.js';
import { speakerColors } from '../colors.js';
import { segments } from '../highlight.js';
import { route } from '../router.js';

const ARTICLES_SHOWN = 50;
/** An article's statements are read in pages of 100 up to this many. */
const STATEMENT_LIMIT = 2000;

const ARTICLES = `
  query Articles($first: Int) {
    articles(first: $first) {
      totalCount
      edges { node { id title source url publishedAt status statements(first: 1) { totalCount } } }
    }
  }`;

const ARTICLE = `
  query Article($id: ID!) {
    article(id: $id) {
      id title source url publishedAt language status text
      duplicateOf { id title source }
      alsoPublishedBy { source url publishedAt }
      events { id type title date }
    }
  }`;

const ARTICLE_STATEMENTS = `
  query ArticleStatements($id: ID!, $first: Int, $after: String) {
    article(id: $id) {
      statements(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node {
          id kind
          content { text start end }
          cue { text start end }
          speakerMention { text start end }
          speaker { id name }
        } }
      }
    }
  }`;

export async function renderArticles(container) {
  const { articles } = await graphql(ARTICLES, { first: ARTICLES_SHOWN });
  const rows = articles.edges.map(({ node }) => html`
    <li class="article-row">
      <a class="article-title" href=${route('article', node.id)}>${articleName(node)}</a>
      <span class="muted">${separated([
        node.source,
        formatInstant(node.publishedAt),
        `${node.statements.totalCount} statement${node.statements.totalCount === 1 ? '' : 's'}`,
        node.status === 'DELIVERED' ? null : humanize(node.status),
      ])}</span>
    </li>`);
  replace(container, html`
    <h1>Articles</h1>
    <p class="muted">The ${Math.min(ARTICLES_SHOWN, articles.totalCount)} newest of ${articles.totalCount}.</p>
    ${rows.length ? html`<ul class="article-list" id="article-list">${rows}</ul>` : emptyMessage('No articles yet.')}`);
  return null;
}

export async function renderArticle(container, { id, params }) {
  const [{ article }, statements] = await Promise.all([
    graphql(ARTICLE, { id }),
    allNodes(ARTICLE_STATEMENTS, { id }, (data) => data.article?.statements, STATEMENT_LIMIT),
  ]);
  if (!article) {
    replace(container, html`<h1>Article not found</h1>`, emptyMessage(`No article has the id ${id}.`));
    return null;
  }
  const nodes = statements.nodes;
  const colors = speakerColors(nodes.map((node) => node.speaker?.id ?? null));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const body = html`<div class="article-text" id="article-text">${highlightedText(article.text, nodes, colors)}</div>`;
  const list = html`<ol class="statement-index" id="statement-index">
    ${nodes.map((node) => html`
      <li><button type="button" class="statement-jump" data-statement=${node.id} style=${{ '--speaker': colors.get(node.speaker?.id ?? null) }}
                  onclick=${() => select(node.id, true)}>
        <span class="swatch" aria-hidden="true"></span>
        <span><strong>${node.speaker?.name || 'Unattributed'}</strong> ${`${node.cue?.text || 'said'}: `}${truncate(node.content.text, 90)}</span>
      </button></li>`)}
  </ol>`;

  function select(statementId, scroll) {
    container.querySelectorAll('.selected').forEach((element) => element.classList.remove('selected'));
    const marks = body.querySelectorAll(`[data-statement="${CSS.escape(statementId)}"]`);
    marks.forEach((mark) => mark.classList.add('selected'));
    list.querySelector(`[data-statement="${CSS.escape(statementId)}"]`)?.classList.add('selected');
    if (scroll && marks.length) {
      marks[0].scrollIntoView({ block: 'center' });
      marks[0].focus({ preventScroll: true });
    }
  }

  body.addEventListener('click', (event) => {
    const mark = event.target.closest('[data-statement]');
    if (mark && byId.has(mark.dataset.statement)) {
      select(mark.dataset.statement, false);
      list.querySelector(`[data-statement="${CSS.escape(mark.dataset.statement)}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  });

  replace(container, html`
    <p class="breadcrumbs"><a href="#/articles">Articles</a> / Article</p>
    <header class="page-header">
      <h1 id="article-title">${articleName(article)}</h1>
      <p class="muted">${separated([
        article.source || 'unknown source',
        html`<time datetime=${article.publishedAt}>${formatInstant(article.publishedAt)}</time>`,
        article.url ? html`<a href=${article.url} rel="noopener noreferrer">original</a>` : null,
        `${nodes.length} statement${nodes.length === 1 ? '' : 's'}`,
      ])}</p>
      ${article.duplicateOf ? html`<p class="message">A republication of ${html`<a href=${route('article', article.duplicateOf.id)}>${articleName(article.duplicateOf)}</a>`}.</p>` : null}
      ${article.alsoPublishedBy.length ? html`<p class="muted">Also published by ${article.alsoPublishedBy.map((p) => p.source || p.url).join(', ')}.</p>` : null}
    </header>
    <div class="article-layout">
      ${body}
      <aside class="article-aside" aria-label="Speakers and statements">
        <section aria-labelledby="legend-title">
          <h2 id="legend-title">Speakers</h2>
          ${speakerLegend(nodes, colors)}
        </section>
        ${article.events.length ? html`
          <section aria-labelledby="article-events-title">
            <h2 id="article-events-title">Events</h2>
            <ul class="plain">${article.events.map((event) => html`<li>${eventLink(event)}</li>`)}</ul>
          </section>` : null}
        <section aria-labelledby="index-title">
          <h2 id="index-title">Statements in text order</h2>
          ${nodes.length ? list : emptyMessage('No statements found in this article.')}
        </section>
      </aside>
    </div>`);
  if (params.statement && byId.has(params.statement)) {
    select(params.statement, true);
  }
  return null;
}

/** The text with each statement's content, speaker mention and cue marked; marks carry the speaker's colour. */
function highlightedText(text, statements, colors) {
  const spans = statements.flatMap((statement) => [
    { ...statement.content, part: 'quote', statement },
    statement.speakerMention && { ...statement.speakerMention, part: 'mention', statement },
    statement.cue && { ...statement.cue, part: 'cue', statement },
  ].filter(Boolean));
  return segments(text, spans).map((segment) => {
    if (!segment.spans.length) {
      return segment.text;
    }
    // the innermost part decides the statement (a mention inside another statement's quote belongs to its own)
    const owner = [...segment.spans].sort((a, b) => (a.end - a.start) - (b.end - b.start))[0].statement;
    const parts = new Set(segment.spans.filter((span) => span.statement === owner).map((span) => span.part));
    const speaker = owner.speaker?.name || 'Unattributed';
    return html`<span class=${['hl', ...parts].join(' ')} data-statement=${owner.id}
                      data-speaker=${owner.speaker?.id || ''} tabindex=${parts.has('quote') ? '-1' : null}
                      style=${{ '--speaker': colors.get(owner.speaker?.id ?? null) }}
                      title=${`${speaker} (${humanize(owner.kind)})`}>${segment.text}</span>`;
  });
}

function speakerLegend(statements, colors) {
  const counts = new Map();
  for (const statement of statements) {
    const key = statement.speaker?.id ?? null;
    counts.set(key, { speaker: statement.speaker, count: (counts.get(key)?.count || 0) + 1 });
  }
  return html`<ul class="legend" id="speaker-legend">
    ${[...counts.entries()].map(([key, { speaker, count }]) => html`
      <li style=${{ '--speaker': colors.get(key) }} data-speaker=${key || ''}>
        <span class="swatch" aria-hidden="true"></span> ${speakerLink(speaker)} <span class="muted">${count}</span>
      </li>`)}
  </ul>`;
}

const truncate = (text, length) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
