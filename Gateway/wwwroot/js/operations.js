// Admin operations: replay (dry run, then confirm) and retention (dry run, then run), results inline.
import { SEVERITIES, el, severityBadge, absoluteTime, toRfc3339 } from './format.js';

const events = n => `${n} event${n === 1 ? '' : 's'}`;

export class Operations {
  constructor({ api, root }) {
    this.api = api;
    const $ = id => root.querySelector(`#${id}`);
    this.replayForm = $('replay-form');
    this.replayConfirm = $('replay-confirm');
    this.replayResult = $('replay-result');
    this.replayError = $('replay-error');
    this.retentionRun = $('retention-run');
    this.retentionResult = $('retention-result');
    this.retentionError = $('retention-error');

    this.replayForm.addEventListener('submit', e => { e.preventDefault(); this.replay(true, e.submitter); });
    this.replayForm.addEventListener('input', () => { this.replayConfirm.hidden = true; });
    this.replayConfirm.addEventListener('click', () => this.replay(false, this.replayConfirm));
    $('retention-dry').addEventListener('click', e => this.retention(true, e.currentTarget));
    this.retentionRun.addEventListener('click', () => this.retention(false, this.retentionRun));
  }

  replayRequest() {
    const body = {};
    for (const input of this.replayForm.querySelectorAll('input')) {
      const value = input.type === 'datetime-local' ? toRfc3339(input.value) : input.value.trim();
      if (value) body[input.name] = input.type === 'number' ? Number(value) : value;
    }
    return body;
  }

  async replay(dryRun, button) {
    this.replayError.textContent = '';
    button.disabled = true;
    try {
      const report = await this.api.post('/api/events/replay', { ...this.replayRequest(), dry_run: dryRun });
      if (dryRun) {
        this.replayResult.replaceChildren(
          el('p', { 'data-testid': 'replay-count', text: `${report.events_found} event${report.events_found === 1 ? '' : 's'} would be replayed.` }),
          report.sample?.length ? this.sampleTable(report.sample) : null);
        this.replayConfirm.textContent = `Replay ${report.events_found} event${report.events_found === 1 ? '' : 's'}`;
        this.replayConfirm.hidden = report.events_found === 0;
      } else {
        this.replayConfirm.hidden = true;
        this.replayResult.replaceChildren(el('p', {
          text: `Replay ${report.replay_id}: ${report.state}; ${report.events_replayed} of ${report.events_found} replayed${report.events_failed ? `, ${report.events_failed} failed` : ''}.`,
        }));
      }
    } catch (failure) {
      this.replayError.textContent = failure.message;
      this.replayConfirm.hidden = true;
    } finally {
      button.disabled = false;
    }
  }

  sampleTable(sample) {
    return el('table', { 'aria-label': 'First matching events' },
      el('thead', {}, el('tr', {}, ...['id', 'time', 'severity', 'type', 'stream'].map(h => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...sample.map(e => el('tr', {},
        el('td', { text: String(e.id) }), el('td', { text: absoluteTime(e.timestamp) }),
        el('td', {}, severityBadge(e.severity)), el('td', { text: e.event_type }), el('td', { text: e.stream })))));
  }

  async retention(dryRun, button) {
    this.retentionError.textContent = '';
    if (!dryRun && !window.confirm('Delete the expired events now? This cannot be undone.')) {
      return;
    }
    button.disabled = true;
    try {
      const report = await this.api.post('/api/admin/retention/run', { dry_run: dryRun });
      this.retentionResult.replaceChildren(
        el('p', { text: dryRun ? `${events(report.deleted)} would be deleted.` : `${events(report.deleted)} deleted in ${report.batches} batch${report.batches === 1 ? '' : 'es'} (${report.duration_ms} ms).` }),
        el('table', { 'aria-label': 'Retention by severity' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'severity' }), el('th', { scope: 'col', text: dryRun ? 'would delete' : 'deleted' }))),
          el('tbody', {}, ...SEVERITIES.map(s => el('tr', {}, el('td', {}, severityBadge(s)), el('td', { text: String(report.by_severity[s] ?? 0) }))))));
      this.retentionRun.hidden = !dryRun || report.deleted === 0;
    } catch (failure) {
      this.retentionError.textContent = failure.message;
    } finally {
      button.disabled = false;
    }
  }
}
