// The live tail: a history page, then live events on top, newest first, capped; pausable.
import { el, resolver, severityBadge, timeElement, absoluteTime } from './format.js';

export const MAX_ROWS = 500;
const HISTORY_PAGE = 100;

export class Tail {
  constructor({ list, pauseButton, bufferedLabel, summary, onOpen }) {
    this.list = list;
    this.pauseButton = pauseButton;
    this.bufferedLabel = bufferedLabel;
    this.summary = summary;
    this.onOpen = onOpen;
    this.paused = false;
    this.buffer = [];
    this.buffered = 0;
    this.rows = new Map(); // id → li
    pauseButton.addEventListener('click', () => this.setPaused(!this.paused));
  }

  clear() {
    this.list.replaceChildren();
    this.rows.clear();
    this.buffer = [];
    this.buffered = 0;
    this.updateLabels();
  }

  /** Appends a history page (newest first) below what is shown. */
  addHistory(events) {
    for (const event of events) {
      if (!this.rows.has(event.id)) {
        const row = this.row(event);
        this.rows.set(event.id, row);
        this.list.append(row);
      }
    }
    this.trim();
    this.updateLabels();
  }

  /** A live event: shown on top, or buffered while paused. */
  add(event, flag) {
    if (this.paused) {
      this.buffer.push([event, flag]);
      this.buffered++;
      if (this.buffer.length > MAX_ROWS) {
        this.buffer.shift();
      }
      this.updateLabels();
      return;
    }
    this.prepend(event, flag);
    this.trim();
    this.updateLabels();
  }

  prepend(event, flag) {
    const row = this.row(event, flag);
    row.classList.add('fresh');
    if (!flag) {
      this.rows.get(event.id)?.remove();
      this.rows.set(event.id, row);
    }
    this.list.prepend(row);
  }

  /** A changed event (resolved, edited): its row is redrawn in place. */
  update(event) {
    const old = this.rows.get(event.id);
    if (old) {
      const row = this.row(event);
      this.rows.set(event.id, row);
      old.replaceWith(row);
    }
    for (const entry of this.buffer) {
      if (entry[0].id === event.id && !entry[1]) entry[0] = event;
    }
  }

  remove(event) {
    this.rows.get(event.id)?.remove();
    this.rows.delete(event.id);
    this.updateLabels();
  }

  setPaused(paused) {
    this.paused = paused;
    this.pauseButton.setAttribute('aria-pressed', String(paused));
    this.pauseButton.textContent = paused ? 'Resume' : 'Pause';
    if (!paused) {
      for (const [event, flag] of this.buffer) {
        this.prepend(event, flag);
      }
      this.buffer = [];
      this.buffered = 0;
      this.trim();
    }
    this.updateLabels();
  }

  trim() {
    while (this.list.children.length > MAX_ROWS) {
      const last = this.list.lastElementChild;
      if (last.dataset.flag !== 'replayed' && this.rows.get(Number(last.dataset.id)) === last) {
        this.rows.delete(Number(last.dataset.id));
      }
      last.remove();
    }
  }

  updateLabels() {
    this.bufferedLabel.textContent = this.paused ? `Paused · ${this.buffered} new event${this.buffered === 1 ? '' : 's'} buffered` : '';
    const shown = this.list.children.length;
    this.summary.textContent = `${shown} event${shown === 1 ? '' : 's'} shown${shown >= MAX_ROWS ? ` (the newest ${MAX_ROWS} are kept)` : ''}`;
  }

  row(event, flag) {
    const label = `${event.severity} ${event.event_type} at ${absoluteTime(event.timestamp)}: ${event.message}`;
    const li = el('li', { class: `event sev-${event.severity}${flag ? ` ${flag}` : ''}`, 'data-id': event.id, 'data-flag': flag },
      el('button', { type: 'button', 'aria-label': label, onclick: () => this.onOpen(event.id) },
        severityBadge(event.severity),
        el('span', { class: 'when' }, timeElement(event.timestamp), el('small', { text: absoluteTime(event.timestamp) })),
        el('span', { class: 'what' },
          el('span', { class: 'type', text: event.event_type }),
          el('span', { class: 'stream', text: event.stream }),
          event.resolved ? el('span', { class: 'flag', text: `resolved by ${resolver(event)}` }) : null,
          flag ? el('span', { class: 'flag', text: flag }) : null,
          event.message ? el('span', { class: 'message', text: event.message }) : null)));
    return li;
  }
}

export { HISTORY_PAGE };
