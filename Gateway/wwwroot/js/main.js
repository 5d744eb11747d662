// Entry point: signs in with an API key, then wires the views to the API and the live feeds.
import { Api } from './api.js';
import { EventDetail } from './detail.js';
import { fillForm, filtersFromUrl, isEmpty, readForm, toApiQuery, writeUrl } from './filters.js';
import { refreshTimes } from './format.js';
import { LiveFeed } from './live.js';
import { Operations } from './operations.js';
import { StatsHeader } from './stats.js';
import { HISTORY_PAGE, Tail } from './tail.js';
import { UnresolvedView } from './unresolved.js';

const KEY_STORAGE = 'orleans-events.api-key';
const ROLES = ['read', 'write', 'admin'];
const VIEWS = ['tail', 'unresolved', 'operations'];
const STATE_TEXT = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline, retrying…' };
const $ = id => document.getElementById(id);

/** A `?key=` link (printed by the silo on first start) signs in once; the key then leaves the address bar. */
function takeKeyFromUrl() {
  const params = new URLSearchParams(location.search);
  const key = params.get('key');
  if (key) {
    localStorage.setItem(KEY_STORAGE, key);
    params.delete('key');
    const search = params.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }
}

function showSignIn(message = '') {
  $('app').hidden = true;
  $('signin').hidden = false;
  $('signin-error').textContent = message;
  $('signin-key').focus();
}

async function boot() {
  takeKeyFromUrl();
  const key = localStorage.getItem(KEY_STORAGE);
  if (!key) {
    showSignIn();
    return;
  }
  const api = new Api(key);
  try {
    start(api, key, await api.get('/api/me'));
  } catch (failure) {
    if (failure.status === 401 || failure.status === 403) {
      localStorage.removeItem(KEY_STORAGE);
      showSignIn('That key was not accepted. Check it and try again.');
    } else {
      showSignIn(`The gateway did not answer: ${failure.message}`);
    }
  }
}

$('signin-form').addEventListener('submit', event => {
  event.preventDefault();
  const key = $('signin-key').value.trim();
  if (key) {
    localStorage.setItem(KEY_STORAGE, key);
    $('signin-key').value = '';
    boot();
  }
});

function start(api, key, caller) {
  const level = ROLES.indexOf(caller.role);
  const can = role => level >= ROLES.indexOf(role);
  document.body.dataset.role = caller.role;
  for (const node of document.querySelectorAll('[data-needs]')) {
    node.hidden = !can(node.dataset.needs);
  }
  $('caller').textContent = `${caller.key ?? 'key'} · ${caller.role} · tenant ${caller.tenant}`;
  $('signin').hidden = true;
  $('app').hidden = false;

  let filters = filtersFromUrl();
  let historyLoaded = false;
  let generation = 0; // bumps with every filter change; late answers for older filters are dropped
  const form = $('filters');
  const states = {};

  const stats = new StatsHeader($('stats'), $('histogram'));
  const tail = new Tail({ list: $('tail'), pauseButton: $('pause'), bufferedLabel: $('buffered'), summary: $('tail-summary'), onOpen: id => openDetail(id) });
  const unresolved = new UnresolvedView({
    api, container: $('unresolved-groups'), summary: $('unresolved-summary'), error: $('unresolved-error'), badge: $('unresolved-badge'),
    canResolve: () => can('write'), onOpen: id => openDetail(id), onStream: stream => applyFilters({ stream }, true),
    onChange: () => { if (unresolved.complete) stats.setUnresolved(unresolved.count); },
  });
  const detail = new EventDetail({
    api, dialog: $('detail'), canResolve: () => can('write'), onFilter: next => applyFilters(next, true),
    onClose: () => writeUrl(filters, { event: null }), onChanged: changed => tail.update(changed),
  });
  if (can('admin')) {
    new Operations({ api, root: $('view-operations') });
  }

  function showState(feed, state) {
    states[feed] = state;
    const worst = ['offline', 'reconnecting', 'connecting', 'live'].find(s => Object.values(states).includes(s));
    $('connection').dataset.state = worst;
    $('connection').textContent = STATE_TEXT[worst];
  }

  async function refreshStats() {
    try {
      stats.set(await api.get('/api/events/stats'));
    } catch (failure) {
      console.warn('stats', failure);
    }
  }

  // The tail's feed carries the filters; a second feed watches open problems whatever the tail shows.
  const tailFeed = new LiveFeed(key, {
    event: e => { tail.add(e); if (isEmpty(filters)) stats.count(e); },
    eventResolved: e => { tail.update(e); detail.refresh(e); },
    eventUpdated: e => { tail.update(e); detail.refresh(e); },
    eventDeleted: e => tail.remove(e),
    replayed: message => tail.add(message.event, 'replayed'),
    stats: s => stats.set(s),
    resync: () => refreshStats(),
    resumed: () => { refreshStats(); if (!historyLoaded) loadHistory(); },
    state: s => showState('tail', s),
  });
  // Every hub connection hears problemsChanged; this one also keeps the detail dialog current.
  const problemsFeed = new LiveFeed(key, {
    problemsChanged: change => unresolved.changed(change),
    eventResolved: e => detail.refresh(e),
    resync: () => unresolved.load(),
    resumed: () => unresolved.load(),
    state: s => showState('problems', s),
  });

  async function loadHistory() {
    const current = generation;
    try {
      const page = await api.get('/api/events', { ...toApiQuery(filters), limit: HISTORY_PAGE });
      if (current !== generation) return;
      tailFeed.markSeen(page.events.map(e => e.id));
      tail.addHistory(page.events);
      historyLoaded = true;
    } catch (failure) {
      if (current === generation) $('tail-error').textContent = `Could not load events: ${failure.message}`;
    }
  }

  /** Shows the tail with new filters: subscribe first (the live start), then the history page up to it. */
  async function applyFilters(next, push = false) {
    const current = ++generation;
    filters = next;
    fillForm(form, filters);
    const active = Object.keys(filters).length;
    $('filter-count').textContent = active ? `(${active} active)` : '';
    writeUrl(filters, {}, push);
    showView('tail');
    tail.clear();
    historyLoaded = false;
    $('tail-error').textContent = '';
    document.body.dataset.ready = 'false';
    try {
      await tailFeed.start(toApiQuery(filters));
    } catch (failure) {
      if (current === generation) $('tail-error').textContent = `Live feed: ${failure.message}`;
    }
    if (current !== generation) return;
    await loadHistory();
    if (current === generation) document.body.dataset.ready = 'true';
  }

  function showView(name) {
    const view = VIEWS.includes(name) && !$(`tab-${name}`).hidden ? name : 'tail';
    for (const v of VIEWS) {
      $(`tab-${v}`).setAttribute('aria-selected', String(v === view));
      $(`tab-${v}`).tabIndex = v === view ? 0 : -1;
      $(`view-${v}`).hidden = v !== view;
    }
    writeUrl(filters, { view: view === 'tail' ? null : view });
  }

  async function openDetail(id) {
    writeUrl(filters, { event: String(id) });
    await detail.open(id);
  }

  form.addEventListener('submit', event => { event.preventDefault(); applyFilters(readForm(form), true); });
  $('filters-clear').addEventListener('click', () => applyFilters({}, true));
  const tabs = VIEWS.map(v => $(`tab-${v}`));
  for (const tab of tabs) {
    tab.addEventListener('click', () => showView(tab.dataset.view));
    tab.addEventListener('keydown', event => {
      const visible = tabs.filter(t => !t.hidden);
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) {
        const next = visible[(visible.indexOf(tab) + step + visible.length) % visible.length];
        showView(next.dataset.view);
        next.focus();
      }
    });
  }
  window.addEventListener('popstate', () => applyFilters(filtersFromUrl()));
  $('signout').addEventListener('click', async () => {
    localStorage.removeItem(KEY_STORAGE);
    await Promise.all([tailFeed.stop(), problemsFeed.stop()]);
    location.replace(location.pathname);
  });
  setInterval(() => refreshTimes(), 10_000);

  // For the browser tests: drop both connections the way a network failure would.
  window.oeDashboard = { tailFeed, problemsFeed, drop: () => Promise.all([tailFeed.drop(), problemsFeed.drop()]) };

  // On a phone the filters would push the tail off the first screen: start them folded.
  if (window.matchMedia('(max-width: 640px)').matches) {
    $('filter-panel').open = false;
  }

  const initial = new URLSearchParams(location.search);
  refreshStats();
  problemsFeed.start({ min_severity: 'warning' }).catch(failure => { $('unresolved-error').textContent = `Live feed: ${failure.message}`; })
    .then(() => unresolved.load());
  applyFilters(filters).then(() => showView(initial.get('view') ?? 'tail'));
  if (initial.get('event')) {
    openDetail(initial.get('event'));
  }
}

boot();
