// Open problems (unresolved, warning and above), grouped by stream, kept current by the live feed.
import { el, rank, severityBadge, timeElement, SEVERITIES } from './format.js';

const LIMIT = 1000;

export class UnresolvedView {
  constructor({ api, container, summary, error, badge, canResolve, onOpen, onStream, onChange }) {
    Object.assign(this, { api, container, summary, error, badge, canResolve, onOpen, onStream, onChange });
    this.open = new Map(); // id → event
    this.arrived = null; // live changes seen during a load
    this.complete = false;
  }

  async load() {
    // Live changes that land while the page is in flight may be newer than it: replay them on top.
    this.arrived = [];
    try {
      const page = await this.api.get('/api/events/unresolved', { limit: LIMIT });
      this.open = new Map(page.events.map(e => [e.id, e]));
      this.complete = page.events.length < LIMIT;
      this.error.textContent = '';
      for (const [event, removed] of this.arrived) {
        this.change(event, removed);
      }
    } catch (failure) {
      this.error.textContent = `Could not load open problems: ${failure.message}`;
    } finally {
      this.arrived = null;
    }
    this.render();
  }

  change(event, removed) {
    this.arrived?.push([event, removed]);
    const isOpen = !removed && !event.resolved && rank(event.severity) >= rank('warning');
    const had = this.open.has(event.id);
    if (isOpen) {
      this.open.set(event.id, event);
    } else {
      this.open.delete(event.id);
    }
    return isOpen || had;
  }

  /** Any event the live feed reports: new problems appear, resolved ones leave, reopened ones return. */
  apply(event) {
    if (this.change(event, false)) {
      this.render();
    }
  }

  remove(event) {
    if (this.change(event, true)) {
      this.render();
    }
  }

  get count() {
    return this.open.size;
  }

  async resolve(id, note, button) {
    button.disabled = true;
    try {
      const resolved = await this.api.post(`/api/events/${id}/resolve`, { resolved_by: 'human', note: note || null });
      this.apply(resolved);
    } catch (failure) {
      this.error.textContent = `Could not resolve event ${id}: ${failure.message}`;
      button.disabled = false;
    }
  }

  render() {
    const groups = new Map();
    for (const event of this.open.values()) {
      if (!groups.has(event.stream)) groups.set(event.stream, []);
      groups.get(event.stream).push(event);
    }
    const ordered = [...groups.entries()]
      .map(([stream, events]) => [stream, events.sort((a, b) => b.id - a.id)])
      .sort(([, a], [, b]) => Math.max(...b.map(e => rank(e.severity))) - Math.max(...a.map(e => rank(e.severity))) || b[0].id - a[0].id);

    this.container.replaceChildren(...ordered.map(([stream, events]) => this.group(stream, events)));
    const total = this.open.size;
    this.summary.textContent = total === 0
      ? 'No open problems.'
      : `${total}${this.complete ? '' : '+'} open problem${total === 1 ? '' : 's'} in ${groups.size} stream${groups.size === 1 ? '' : 's'}`;
    this.badge.textContent = total > 0 ? String(total) : '';
    this.onChange?.();
  }

  group(stream, events) {
    const counts = SEVERITIES.filter(s => s !== 'info')
      .map(s => [s, events.filter(e => e.severity === s).length])
      .filter(([, n]) => n > 0);
    return el('section', { class: 'group', 'data-stream': stream, 'aria-label': `Stream ${stream}` },
      el('h3', {},
        el('a', { href: `?stream=${encodeURIComponent(stream)}`, onclick: e => { e.preventDefault(); this.onStream(stream); }, text: stream }),
        ...counts.map(([severity, n]) => el('span', { class: `sev sev-${severity}`, 'data-count': severity, text: `${n} ${severity}` }))),
      el('ul', {}, ...events.map(e => this.problem(e))));
  }

  problem(event) {
    const note = el('input', { name: 'note', 'aria-label': `Resolution note for event ${event.id}`, placeholder: 'Note (optional)', autocomplete: 'off' });
    const button = el('button', { type: 'submit', text: 'Resolve', 'aria-label': `Resolve event ${event.id}` });
    return el('li', { class: 'problem', 'data-id': event.id },
      severityBadge(event.severity),
      el('span', { class: 'what' },
        el('a', { href: `?event=${event.id}`, onclick: e => { e.preventDefault(); this.onOpen(event.id); }, text: event.event_type }),
        ' ', el('span', { class: 'muted', text: event.message })),
      timeElement(event.timestamp),
      this.canResolve()
        ? el('form', { onsubmit: e => { e.preventDefault(); this.resolve(event.id, note.value.trim(), button); } }, note, button)
        : null);
  }
}
