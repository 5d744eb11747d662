// Calls the gateway's HTTP API with the signed-in key; errors carry the problem details' text.

/** An HTTP error answered by the gateway (RFC 7807 problem details), with a readable message. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem) {
  if (!problem || typeof problem !== 'object') {
    return `HTTP ${status}`;
  }
  const fields = problem.errors
    ? Object.entries(problem.errors).map(([field, rules]) => `${field}: ${[].concat(rules).join(', ')}`).join('; ')
    : '';
  return [problem.detail || problem.title || `HTTP ${status}`, fields].filter(Boolean).join(' — ');
}

export class Api {
  constructor(key) {
    this.key = key;
  }

  async request(method, path, body) {
    const headers = { 'X-API-Key': this.key, Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = { detail: text };
    }
    if (!response.ok) {
      throw new ApiError(response.status, data);
    }
    return data;
  }

  get(path, query) {
    const search = query ? new URLSearchParams(query).toString() : '';
    return this.request('GET', search ? `${path}?${search}` : path);
  }

  post(path, body) {
    return this.request('POST', path, body ?? {});
  }
}
