// The filters of the tail: one object of API parameter names, kept in the address bar so a view can be shared.
import { toLocalInput, toRfc3339 } from './format.js';

export const FILTER_NAMES = ['severity', 'category', 'event_type', 'stream', 'lead_id', 'session_id', 'device_id', 'workflow_id', 'q', 'since', 'until'];

/** A time the API counts back from now: 15m, 24h, 7d, now. Kept as typed, so a shared address stays relative. */
const RELATIVE = /^(now|[0-9]+[smhd])$/;

export function isRelativeTime(value) {
  return RELATIVE.test(value ?? '');
}

/** The filters in a query string; values as the URL carries them (event_type is a prefix, times RFC 3339). */
export function filtersFromUrl(search = location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) {
      filters[name] = value;
    }
  }
  return filters;
}

/** Puts the filters (and the other view state given) into the address bar, keeping unrelated parameters. */
export function writeUrl(filters, state = {}, push = false) {
  const params = new URLSearchParams(location.search);
  for (const name of FILTER_NAMES) {
    params.delete(name);
  }
  for (const [name, value] of Object.entries({ ...filters, ...state })) {
    if (value) {
      params.set(name, value);
    } else {
      params.delete(name);
    }
  }
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  }
}

/** The filters as the API and the hub take them: the type prefix becomes `prefix*`. */
export function toApiQuery(filters) {
  const query = { ...filters };
  if (query.event_type && !query.event_type.endsWith('*')) {
    query.event_type += '*';
  }
  return query;
}

export function fillForm(form, filters) {
  const severities = (filters.severity ?? '').split(',');
  for (const box of form.querySelectorAll('input[name="severity"]')) {
    box.checked = severities.includes(box.value);
  }
  for (const name of FILTER_NAMES.filter(n => n !== 'severity')) {
    const input = form.elements.namedItem(name);
    input.value = input.type === 'datetime-local' ? toLocalInput(isRelativeTime(filters[name]) ? '' : filters[name]) : (filters[name] ?? '');
  }
  const range = form.elements.namedItem('range');
  const since = isRelativeTime(filters.since) ? filters.since : '';
  if (since && ![...range.options].some(option => option.value === since)) {
    range.append(new Option(`last ${since}`, since));
  }
  range.value = since;
}

export function readForm(form) {
  const filters = {};
  const severities = [...form.querySelectorAll('input[name="severity"]:checked')].map(box => box.value);
  if (severities.length > 0 && severities.length < 4) {
    filters.severity = severities.join(',');
  }
  for (const name of FILTER_NAMES.filter(n => n !== 'severity')) {
    const input = form.elements.namedItem(name);
    const value = input.type === 'datetime-local' ? toRfc3339(input.value) : input.value.trim();
    if (value) {
      filters[name] = value;
    }
  }
  // A chosen "last …" wins over a typed start: it is what the picker shows.
  const range = form.elements.namedItem('range').value;
  if (range) {
    filters.since = range;
  }
  return filters;
}

export function isEmpty(filters) {
  return Object.keys(filters).length === 0;
}
