// Open problems grouped like issues (GET /api/problems), kept current by the hub's problemsChanged.
import { el, severityBadge, timeElement } from './format.js';
import { sparkline } from './sparkline.js';

const LIMIT = 1000;
const EVENTS = 50;

export class UnresolvedView {
  constructor({ api, container, summary, error, badge, canResolve, onOpen, onStream, onChange }) {
    Object.assign(this, { api, container, summary, error, badge, canResolve, onOpen, onStream, onChange });
    this.groups = new Map(); // fingerprint → group
    this.expanded = new Map(); // fingerprint → its newest open events, while shown
    this.arrived = null; // changes seen during a load
    this.complete = false;
  }

  async load() {
    // Changes that land while the page is in flight may be newer than it: replay them on top.
    this.arrived = [];
    try {
      const page = await this.api.get('/api/problems', { limit: LIMIT });
      this.groups = new Map(page.groups.map(g => [g.fingerprint, g]));
      this.complete = page.total <= page.groups.length;
      this.error.textContent = '';
      for (const change of this.arrived) {
        this.put(change);
      }
    } catch (failure) {
      this.error.textContent = `Could not load open problems: ${failure.message}`;
    } finally {
      this.arrived = null;
    }
    this.render();
    await Promise.all([...this.expanded.keys()].map(f => this.loadEvents(f)));
  }

  /** The hub's problemsChanged: the group as it is now, or null once it has no open event. */
  changed(change) {
    this.arrived?.push(change);
    this.put(change);
    this.render();
    if (this.expanded.has(change.fingerprint)) {
      this.loadEvents(change.fingerprint);
    }
  }

  put({ fingerprint, group }) {
    if (group) {
      this.groups.set(fingerprint, group);
    } else {
      this.groups.delete(fingerprint);
    }
  }

  get count() {
    return [...this.groups.values()].reduce((sum, g) => sum + g.open_count, 0);
  }

  async toggle(fingerprint) {
    if (this.expanded.has(fingerprint)) {
      this.expanded.delete(fingerprint);
      this.render();
      return;
    }
    this.expanded.set(fingerprint, null);
    this.render();
    await this.loadEvents(fingerprint);
  }

  async loadEvents(fingerprint) {
    try {
      const detail = await this.api.get(`/api/problems/${encodeURIComponent(fingerprint)}`, { limit: EVENTS });
      if (this.expanded.has(fingerprint)) this.expanded.set(fingerprint, detail.events);
    } catch (failure) {
      if (failure.status !== 404) this.error.textContent = `Could not load the events of ${fingerprint}: ${failure.message}`;
      this.expanded.delete(fingerprint);
    }
    this.render();
  }

  async resolveGroup(fingerprint, button) {
    button.disabled = true;
    try {
      await this.api.post(`/api/problems/${encodeURIComponent(fingerprint)}/resolve`, { resolved_by: 'human' });
      this.changed({ fingerprint, group: null });
    } catch (failure) {
      this.error.textContent = `Could not resolve ${fingerprint}: ${failure.message}`;
      button.disabled = false;
    }
  }

  async resolve(event, note, button) {
    button.disabled = true;
    try {
      await this.api.post(`/api/events/${event.id}/resolve`, { resolved_by: 'human', note: note || null });
      const shown = this.expanded.get(this.fingerprintOf(event));
      if (shown) this.expanded.set(this.fingerprintOf(event), shown.filter(e => e.id !== event.id));
      this.render();
    } catch (failure) {
      this.error.textContent = `Could not resolve event ${event.id}: ${failure.message}`;
      button.disabled = false;
    }
  }

  fingerprintOf(event) {
    return [...this.expanded.keys()].find(f => this.expanded.get(f)?.some(e => e.id === event.id));
  }

  render() {
    const ordered = [...this.groups.values()].sort((a, b) => b.last_seen.localeCompare(a.last_seen) || a.fingerprint.localeCompare(b.fingerprint));
    this.container.replaceChildren(...ordered.map(g => this.group(g)));
    const total = this.count;
    const more = this.complete ? '' : '+';
    this.summary.textContent = total === 0
      ? 'No open problems.'
      : `${total}${more} open problem${total === 1 ? '' : 's'} in ${this.groups.size}${more} group${this.groups.size === 1 ? '' : 's'}`;
    this.badge.textContent = total > 0 ? String(total) : '';
    this.onChange?.();
  }

  group(group) {
    const fingerprint = group.fingerprint;
    const open = this.expanded.has(fingerprint);
    const events = this.expanded.get(fingerprint);
    const resolve = el('button', { type: 'button', class: 'resolve-group', text: 'Resolve all', 'aria-label': `Resolve group ${fingerprint}` });
    resolve.addEventListener('click', () => this.resolveGroup(fingerprint, resolve));
    return el('section', { class: 'group problem-group', 'data-fingerprint': fingerprint, 'aria-label': `Problem group ${fingerprint}` },
      el('h3', {},
        severityBadge(group.severity),
        el('button', {
          type: 'button', class: 'link', 'aria-expanded': String(open), 'aria-label': `Events of group ${fingerprint}`,
          onclick: () => this.toggle(fingerprint), text: group.event_type,
        }),
        el('span', { class: 'muted kind', text: group.stream_kind }),
        el('span', { class: 'count', 'data-count': 'open', text: `${group.open_count} open` }),
        el('span', { class: 'muted', 'data-count': 'streams', text: `${group.streams_affected} stream${group.streams_affected === 1 ? '' : 's'}` }),
        sparkline(group.last_24h_by_hour),
        this.canResolve() ? resolve : null),
      el('p', { class: 'sample' },
        el('span', { text: group.sample_message }), ' ',
        el('span', { class: 'muted seen' }, '· first seen ', timeElement(group.first_seen), ', last ', timeElement(group.last_seen))),
      open ? el('ul', { 'aria-label': `Newest open events of ${fingerprint}` },
        ...(events ?? []).map(e => this.problem(e))) : null);
  }

  problem(event) {
    const note = el('input', { name: 'note', 'aria-label': `Resolution note for event ${event.id}`, placeholder: 'Note (optional)', autocomplete: 'off' });
    const button = el('button', { type: 'submit', text: 'Resolve', 'aria-label': `Resolve event ${event.id}` });
    return el('li', { class: 'problem', 'data-id': event.id },
      severityBadge(event.severity),
      el('span', { class: 'what' },
        el('a', { href: `?stream=${encodeURIComponent(event.stream)}`, onclick: e => { e.preventDefault(); this.onStream(event.stream); }, text: event.stream }),
        ' ', el('a', { href: `?event=${event.id}`, onclick: e => { e.preventDefault(); this.onOpen(event.id); }, text: `#${event.id}` }),
        ' ', el('span', { class: 'muted', text: event.message })),
      timeElement(event.timestamp),
      this.canResolve()
        ? el('form', { onsubmit: e => { e.preventDefault(); this.resolve(event, note.value.trim(), button); } }, note, button)
        : null);
  }
}
