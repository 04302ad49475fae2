// The explorer's shell: renders the view the hash names, and ends the previous view (its subscription, chart ...).
import { replace } from './dom.js';
import { errorMessage } from './components.js';
import { currentRoute } from './router.js';
import { renderSearch } from './views/search.js';
import { renderSpeaker } from './views/speaker.js';
import { renderArticles, renderArticle } from './views/article.js';
import { renderEvents } from './views/events.js';
import { renderCuration } from './views/curation.js';

const VIEWS = {
  search: { render: renderSearch, title: 'Search statements' },
  speaker: { render: renderSpeaker, title: 'Speaker' },
  articles: { render: renderArticles, title: 'Articles' },
  article: { render: renderArticle, title: 'Article', nav: 'articles' },
  events: { render: renderEvents, title: 'Event timeline' },
  curation: { render: renderCuration, title: 'Curation' },
};

const container = document.getElementById('view');
let endCurrentView = null;
let navigation = 0;

async function show() {
  const current = currentRoute();
  const view = VIEWS[current.view] || VIEWS.search;
  const thisNavigation = ++navigation;
  endCurrentView?.();
  endCurrentView = null;
  document.title = `${view.title} · Quotegraph explorer`;
  document.querySelectorAll('[data-nav]').forEach((link) => {
    if (link.dataset.nav === (view.nav || current.view)) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  container.setAttribute('aria-busy', 'true');
  try {
    // views render into the container themselves (they may update it later, e.g. live statements)
    const end = await view.render(container, current);
    if (thisNavigation === navigation) {
      endCurrentView = end || null;
    } else {
      end?.();
    }
  } catch (error) {
    if (thisNavigation === navigation) {
      replace(container, errorMessage(error));
    }
  } finally {
    container.removeAttribute('aria-busy');
  }
}

window.addEventListener('hashchange', show);
show();
