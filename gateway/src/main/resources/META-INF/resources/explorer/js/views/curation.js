// Curation: find speakers, add and remove aliases, rename, and merge duplicates into one.
// Changes need a bearer token with the curator role (./quotegraph token --role curator on the dev stack).
import { html, replace } from '../dom.js';
import { graphql, TOKEN_KEY } from '../graphql.js';
import { emptyMessage, speakerLink } from '../components.js';
import { humanize } from '../format.js';
import { route } from '../router.js';

const CURATOR_KEY = 'quotegraph.curator';
const RESULTS_SHOWN = 50;

const SPEAKER_FIELDS = 'id name type aliases statementCount';
const FIND = `query($search: String, $first: Int) { speakers(search: $search, first: $first) { totalCount edges { node { ${SPEAKER_FIELDS} } } } }`;
const SPEAKER = `query($id: ID!) { speaker(id: $id) { ${SPEAKER_FIELDS} } }`;
const ADD_ALIAS = `mutation($id: ID!, $alias: String!, $curator: String) { addAlias(speakerId: $id, alias: $alias, curator: $curator) { ${SPEAKER_FIELDS} } }`;
const REMOVE_ALIAS = `mutation($id: ID!, $alias: String!, $curator: String) { removeAlias(speakerId: $id, alias: $alias, curator: $curator) { ${SPEAKER_FIELDS} } }`;
const RENAME = `mutation($id: ID!, $name: String!, $curator: String) { renameSpeaker(speakerId: $id, name: $name, curator: $curator) { ${SPEAKER_FIELDS} } }`;
const MERGE = `mutation($target: ID!, $sources: [String!]!, $curator: String) { mergeSpeakers(targetId: $target, sourceIds: $sources, curator: $curator) { ${SPEAKER_FIELDS} } }`;

export async function renderCuration(container, { id, params }) {
  const search = params.search || '';
  const status = html`<div class="form-message" role="status" aria-live="polite" id="curation-status"></div>`;
  const curatorInput = html`<input id="curator" name="curator" autocomplete="username" required
                                   value=${localStorage.getItem(CURATOR_KEY) || ''} placeholder="your name"
                                   onchange=${() => localStorage.setItem(CURATOR_KEY, curatorInput.value.trim())} />`;
  const tokenInput = html`<input id="token" name="token" type="password" autocomplete="off"
                                 value=${sessionStorage.getItem(TOKEN_KEY) || ''} placeholder="paste a curator token"
                                 onchange=${() => sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim().replace(/^Bearer\s+/i, ''))} />`;
  const detail = html`<section class="curation-detail" aria-labelledby="curation-detail-title"></section>`;
  const [found, selected] = await Promise.all([
    search ? graphql(FIND, { search, first: RESULTS_SHOWN }).then((data) => data.speakers) : null,
    id ? graphql(SPEAKER, { id }).then((data) => data.speaker) : null,
  ]);

  /** Runs a mutation as the curator named in the form; reports success or the API's message. */
  async function curate(mutation, variables, done) {
    const curator = curatorInput.value.trim();
    if (!curator) {
      replace(status, html`<p class="message error">Enter your name as curator first: the audit log records it.</p>`);
      curatorInput.focus();
      return;
    }
    localStorage.setItem(CURATOR_KEY, curator);
    sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim().replace(/^Bearer\s+/i, ''));
    try {
      const data = await graphql(mutation, { ...variables, curator });
      done(Object.values(data)[0]);
    } catch (error) {
      replace(status, html`<p class="message error">${error.message}</p>`);
    }
  }

  const reload = (speakerId, message) => {
    sessionStorage.setItem('quotegraph.curation.message', message);
    const target = route('curation', speakerId, { search });
    if (location.hash === target) {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      location.hash = target;
    }
  };

  if (selected) {
    const aliasInput = html`<input id="new-alias" name="alias" required placeholder="e.g. the spokesman" />`;
    const nameInput = html`<input id="new-name" name="name" required value=${selected.name} />`;
    replace(detail, html`
      <h2 id="curation-detail-title">${speakerLink(selected)}</h2>
      <p class="muted">${humanize(selected.type)}, ${selected.statementCount} statement${selected.statementCount === 1 ? '' : 's'}</p>
      <h3>Aliases</h3>
      ${selected.aliases.length ? html`
        <ul class="alias-list" id="curation-aliases">
          ${selected.aliases.map((alias) => html`
            <li><span>${alias}</span>
              <button type="button" class="small" aria-label=${`Remove alias ${alias}`}
                      onclick=${() => curate(REMOVE_ALIAS, { id: selected.id, alias },
                        () => reload(selected.id, `Removed the alias “${alias}”.`))}>Remove</button></li>`)}
        </ul>` : html`<p class="muted">No aliases.</p>`}
      <form class="inline-form" id="add-alias-form" onsubmit=${(event) => {
        event.preventDefault();
        const alias = aliasInput.value.trim();
        curate(ADD_ALIAS, { id: selected.id, alias }, () => reload(selected.id, `Added the alias “${alias}”.`));
      }}>
        <label for="new-alias">New alias</label> ${aliasInput} <button type="submit" class="primary">Add alias</button>
      </form>
      <form class="inline-form" id="rename-form" onsubmit=${(event) => {
        event.preventDefault();
        const name = nameInput.value.trim();
        curate(RENAME, { id: selected.id, name }, () => reload(selected.id, `Renamed to “${name}”.`));
      }}>
        <label for="new-name">Name</label> ${nameInput} <button type="submit">Rename</button>
      </form>`);
  } else {
    replace(detail, html`<h2 id="curation-detail-title" class="visually-hidden">Speaker</h2>
      <p class="muted">Find a speaker and choose “Edit” to change its aliases or name, or tick speakers to merge them.</p>`);
  }

  const mergeBar = html`<div class="merge-bar" id="merge-bar"></div>`;
  const checked = () => [...container.querySelectorAll('input[name="merge"]:checked')].map((box) => box.value);
  const candidates = new Map((found?.edges || []).map(({ node }) => [node.id, node]));
  if (selected) {
    candidates.set(selected.id, selected);
  }

  function updateMergeBar() {
    const ids = checked();
    if (ids.length < 2) {
      replace(mergeBar, html`<p class="muted">Tick two or more speakers to merge them.</p>`);
      return;
    }
    const targetSelect = html`<select id="merge-target">${ids.map((speakerId) => html`
      <option value=${speakerId} selected=${speakerId === selected?.id}>${candidates.get(speakerId).name}</option>`)}</select>`;
    const confirmBox = html`<input type="checkbox" id="merge-confirm" required />`;
    replace(mergeBar, html`
      <form class="inline-form" id="merge-form" onsubmit=${(event) => {
        event.preventDefault();
        const target = targetSelect.value;
        const sources = ids.filter((speakerId) => speakerId !== target);
        curate(MERGE, { target, sources }, (merged) =>
          reload(merged.id, `Merged ${sources.length} speaker${sources.length === 1 ? '' : 's'} into ${merged.name}.`));
      }}>
        <label for="merge-target">Merge the ${ids.length} ticked speakers into</label> ${targetSelect}
        <label class="confirm">${confirmBox} I understand a merge cannot be undone</label>
        <button type="submit" class="danger">Merge</button>
      </form>`);
  }

  replace(container, html`
    <h1>Curation</h1>
    <p class="message notice">Curation changes what every reader sees and is recorded in the audit log under your name.
      It needs a bearer token with the curator role (on the dev stack: <code>./quotegraph token --role curator</code>);
      with one, the log records the token's subject.</p>
    <div class="field curator-field"><label for="curator">Curator</label>${curatorInput}</div>
    <div class="field curator-field"><label for="token">Token</label>${tokenInput}</div>
    ${status}
    <div class="curation-layout">
      <section aria-labelledby="find-title">
        <h2 id="find-title">Find speakers</h2>
        <form class="inline-form" role="search" onsubmit=${(event) => {
          event.preventDefault();
          location.hash = route('curation', selected?.id, { search: event.currentTarget.elements.search.value.trim() });
        }}>
          <label for="curation-search">Name or alias</label>
          <input id="curation-search" name="search" type="search" value=${search} />
          <button type="submit">Find</button>
        </form>
        ${found ? speakerTable(found, selected, search, updateMergeBar) : null}
        ${mergeBar}
      </section>
      ${detail}
    </div>`);

  const message = sessionStorage.getItem('quotegraph.curation.message');
  if (message) {
    sessionStorage.removeItem('quotegraph.curation.message');
    replace(status, html`<p class="message success">${message}</p>`);
  }
  updateMergeBar();
  return null;
}

function speakerTable(found, selected, search, onTick) {
  if (!found.edges.length) {
    return emptyMessage('No speaker has that name or alias.');
  }
  return html`
    <table class="curation-speakers" id="curation-speakers">
      <thead><tr><th scope="col">Merge</th><th scope="col">Speaker</th><th scope="col">Aliases</th><th scope="col">Statements</th><th scope="col"><span class="visually-hidden">Edit</span></th></tr></thead>
      <tbody>
        ${found.edges.map(({ node }) => html`
          <tr data-speaker-id=${node.id} class=${node.id === selected?.id ? 'current' : ''}>
            <td><input type="checkbox" name="merge" value=${node.id} aria-label=${`Merge ${node.name}`} onchange=${onTick} /></td>
            <td>${speakerLink(node)} <span class="muted">${humanize(node.type)}</span></td>
            <td>${node.aliases.join(', ')}</td>
            <td>${node.statementCount}</td>
            <td><a class="button small" href=${route('curation', node.id, { search })}>Edit</a></td>
          </tr>`)}
      </tbody>
    </table>`;
}
