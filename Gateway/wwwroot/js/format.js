// Small pure helpers: severities, times, DOM building.

export const SEVERITIES = ['info', 'warning', 'error', 'critical'];
export const ICONS = { info: 'ℹ', warning: '⚠', error: '✖', critical: '‼' };

export function rank(severity) {
  return SEVERITIES.indexOf(severity);
}

/** Builds an element: el('span', { class: 'x', text: 'hi' }, child, …). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}

/** Who resolved an event: the kind of resolver and the name of the key it used ("human with key support"). */
export function resolver(event) {
  return event.resolved_by_key ? `${event.resolved_by} with key ${event.resolved_by_key}` : `${event.resolved_by}`;
}

export function severityBadge(severity) {
  return el('span', { class: `sev sev-${severity}` },
    el('span', { 'aria-hidden': 'true', text: ICONS[severity] ?? '•' }),
    el('span', { text: severity }));
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export function relativeTime(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 5) return 'just now';
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

export function absoluteTime(iso) {
  const date = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A <time> showing relative time, refreshed by refreshTimes(); the absolute time as its title. */
export function timeElement(iso) {
  return el('time', { datetime: iso, title: absoluteTime(iso), 'data-relative': '', text: relativeTime(iso) });
}

export function refreshTimes(root = document) {
  const now = Date.now();
  for (const node of root.querySelectorAll('time[data-relative]')) {
    node.textContent = relativeTime(node.dateTime, now);
  }
}

/** datetime-local input value (local time) ⇄ RFC 3339 UTC. */
export function toRfc3339(localValue) {
  return localValue ? new Date(localValue).toISOString() : '';
}

export function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
