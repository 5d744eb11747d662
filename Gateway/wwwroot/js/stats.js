// The stats header: counts by severity, unresolved total, last event time, a per-hour histogram per severity.
import { SEVERITIES, absoluteTime, el, timeElement } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const HOUR = 3600_000;

export class StatsHeader {
  constructor(root, histogram) {
    this.root = root;
    this.histogram = histogram;
    this.base = null;
    this.recent = []; // live events seen since the server's stats were taken
    this.unresolvedOverride = null;
  }

  /** Stats from the server (GET /api/events/stats or the hub's `stats`). */
  set(stats) {
    if (this.base && new Date(stats.computed_at) < new Date(this.base.computed_at)) {
      return;
    }
    this.base = stats;
    const taken = new Date(stats.computed_at).getTime();
    this.recent = this.recent.filter(e => new Date(e.recorded_at).getTime() > taken);
    this.render();
  }

  /** A live event of an unfiltered tail: counted until the server's next stats include it. */
  count(event) {
    this.recent.push(event);
    this.render();
  }

  /** The exact open-problem count when the page holds them all. */
  setUnresolved(count) {
    this.unresolvedOverride = count;
    this.render();
  }

  render() {
    if (!this.base) return;
    const stats = structuredClone(this.base);
    for (const e of this.recent) {
      stats.total++;
      stats.by_severity[e.severity] = (stats.by_severity[e.severity] ?? 0) + 1;
      if (!stats.last_event_at || e.timestamp > stats.last_event_at) stats.last_event_at = e.timestamp;
      const bucket = stats.last_24h_by_hour?.find(h => {
        const start = new Date(h.hour).getTime();
        const at = new Date(e.timestamp).getTime();
        return at >= start && at < start + HOUR;
      });
      if (bucket) bucket[e.severity]++;
    }
    const set = (id, value) => { this.root.querySelector(`#${id}`).replaceChildren(value); };
    set('stat-total', String(stats.total));
    for (const severity of SEVERITIES) set(`stat-${severity}`, String(stats.by_severity[severity] ?? 0));
    set('stat-unresolved', String(this.unresolvedOverride ?? stats.unresolved));
    set('stat-last', stats.last_event_at ? timeElement(stats.last_event_at) : '—');
    this.drawHistogram(stats.last_24h_by_hour);
  }

  drawHistogram(hours) {
    if (!Array.isArray(hours) || hours.length === 0) {
      this.histogram.replaceChildren(el('p', { class: 'muted', text: 'No hourly counts from the server.' }));
      return;
    }
    const width = 300, rowHeight = 18, labelWidth = 52, gap = 4;
    const barWidth = (width - labelWidth) / hours.length;
    const svg = document.createElementNS(SVG, 'svg');
    const axis = SEVERITIES.length * (rowHeight + gap);
    svg.setAttribute('viewBox', `0 0 ${width} ${axis + 10}`);
    svg.setAttribute('role', 'img');
    const totals = SEVERITIES.map(s => `${s} ${hours.reduce((n, h) => n + (h[s] ?? 0), 0)}`).join(', ');
    svg.setAttribute('aria-label', `Events per hour over the last 24 hours: ${totals}`);
    SEVERITIES.forEach((severity, row) => {
      const top = row * (rowHeight + gap);
      const max = Math.max(1, ...hours.map(h => h[severity] ?? 0));
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', 0);
      label.setAttribute('y', top + rowHeight - 4);
      label.textContent = severity;
      svg.append(label);
      hours.forEach((hour, i) => {
        const n = hour[severity] ?? 0;
        const height = n === 0 ? 0 : Math.max(2, (n / max) * rowHeight);
        const bar = document.createElementNS(SVG, 'rect');
        bar.setAttribute('class', `bar-${severity}`);
        bar.setAttribute('x', (labelWidth + i * barWidth).toFixed(1));
        bar.setAttribute('y', (top + rowHeight - height).toFixed(1));
        bar.setAttribute('width', Math.max(1, barWidth - 1).toFixed(1));
        bar.setAttribute('height', height.toFixed(1));
        bar.setAttribute('data-severity', severity);
        bar.setAttribute('data-count', n);
        const title = document.createElementNS(SVG, 'title');
        title.textContent = `${n} ${severity} from ${absoluteTime(hour.hour)}`;
        bar.append(title);
        svg.append(bar);
      });
    });
    for (const [x, anchor, text] of [[labelWidth, 'start', `${absoluteTime(hours[0].hour).slice(11, 16)}`], [width, 'end', 'now']]) {
      const tick = document.createElementNS(SVG, 'text');
      tick.setAttribute('x', x);
      tick.setAttribute('y', axis + 8);
      tick.setAttribute('text-anchor', anchor);
      tick.textContent = text;
      svg.append(tick);
    }
    this.histogram.replaceChildren(svg);
  }
}
