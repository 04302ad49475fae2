// Hash routes (#/view/id?param=value): the explorer is static files, so any link works without server routes.

/** The href of a view, e.g. route('speaker', id) or route('search', null, {text: 'peace'}); empty params are left out. */
export function route(view, id, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value != null && value !== '') {
      query.set(name, value);
    }
  }
  const path = id ? `#/${view}/${encodeURIComponent(id)}` : `#/${view}`;
  return query.size ? `${path}?${query}` : path;
}

/** The current location as {view, id, params}. */
export function currentRoute() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [view, ...rest] = path.split('/');
  return {
    view: view || 'search',
    id: rest.length ? decodeURIComponent(rest.join('/')) : null,
    params: Object.fromEntries(new URLSearchParams(query)),
  };
}
