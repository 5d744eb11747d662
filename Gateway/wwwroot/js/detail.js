// The event detail dialog: every field, the context as indented JSON, links to the entity's stream view.
import { absoluteTime, el, resolver, severityBadge } from './format.js';

const CORRELATIONS = ['lead_id', 'session_id', 'device_id', 'workflow_id'];

export class EventDetail {
  constructor({ api, dialog, canResolve, onFilter, onClose, onChanged }) {
    Object.assign(this, { api, dialog, canResolve, onFilter, onClose, onChanged });
    this.body = dialog.querySelector('#detail-body');
    this.form = dialog.querySelector('#detail-resolve');
    this.error = dialog.querySelector('#detail-error');
    this.button = dialog.querySelector('#detail-resolve-button');
    dialog.querySelector('#detail-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => { this.event = null; this.onClose(); });
    this.form.addEventListener('submit', e => { e.preventDefault(); this.toggleResolution(); });
  }

  get openId() {
    return this.event?.id ?? null;
  }

  async open(id) {
    try {
      this.show(await this.api.get(`/api/events/${id}`));
    } catch (failure) {
      this.event = { id };
      this.body.replaceChildren(el('p', { class: 'error', role: 'alert', text: `Event ${id}: ${failure.message}` }));
      this.form.hidden = true;
    }
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Redraws when the shown event changed elsewhere (another dashboard resolved it). */
  refresh(event) {
    if (this.dialog.open && this.event?.id === event.id) this.show(event);
  }

  show(event) {
    this.event = event;
    this.dialog.querySelector('#detail-title').textContent = `Event ${event.id} · ${event.event_type}`;
    const link = (name, value) => el('a', {
      href: `?${name}=${encodeURIComponent(value)}`,
      onclick: e => { e.preventDefault(); this.dialog.close(); this.onFilter({ [name]: value }); },
      text: value,
    });
    const rows = [
      ['severity', severityBadge(event.severity)],
      ['stream', el('span', {}, link('stream', event.stream), ` · version ${event.version}`)],
      ['message', event.message || '—'],
      ['timestamp', `${absoluteTime(event.timestamp)} (${event.timestamp})`],
      ['recorded_at', event.recorded_at],
      ['category', event.category],
      ['event_type', event.event_type],
      ['source', event.source ?? '—'],
      ...CORRELATIONS.filter(name => event[name]).map(name => [name, link(name, event[name])]),
      ['account_id', event.account_id ?? '—'],
      ['event_id', event.event_id],
      ['position', event.position ?? '—'],
      ['resolved', event.resolved
        ? `yes, by ${resolver(event)} at ${absoluteTime(event.resolved_at)}${event.resolution_note ? ` — “${event.resolution_note}”` : ''}`
        : 'no'],
    ];
    this.body.replaceChildren(
      el('dl', { class: 'fields' }, ...rows.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { 'data-field': name }, value)])),
      el('h3', { text: 'context' }),
      el('pre', { class: 'context', tabindex: '0', 'aria-label': 'context JSON' }, JSON.stringify(event.context ?? {}, null, 2)));
    this.form.hidden = !this.canResolve();
    this.form.elements.note.hidden = event.resolved;
    this.form.elements.note.parentElement.hidden = event.resolved;
    this.button.textContent = event.resolved ? 'Reopen' : 'Resolve';
    this.button.disabled = false;
    this.error.textContent = '';
  }

  async toggleResolution() {
    const event = this.event;
    this.button.disabled = true;
    try {
      const changed = event.resolved
        ? await this.api.post(`/api/events/${event.id}/unresolve`, {})
        : await this.api.post(`/api/events/${event.id}/resolve`, { resolved_by: 'human', note: this.form.elements.note.value.trim() || null });
      this.form.elements.note.value = '';
      this.show(changed);
      this.onChanged(changed);
    } catch (failure) {
      this.error.textContent = failure.message;
      this.button.disabled = false;
    }
  }
}
