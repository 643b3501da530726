// The only way these pages reach the host: its public HTTP API (API.md) with the key the person
// entered. The key lives in sessionStorage, so it ends with the tab and is never rendered.

const keyName = 'nightpos.apiKey';

export const key = {
  get: () => sessionStorage.getItem(keyName),
  set: (value) => sessionStorage.setItem(keyName, value),
  clear: () => sessionStorage.removeItem(keyName),
};

export class ProblemError extends Error {
  constructor(problem) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
  }
}

let unauthorized = () => {};

export function onUnauthorized(handler) {
  unauthorized = handler;
}

export async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const current = key.get();
  if (current) {
    headers.Authorization = `Bearer ${current}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }

  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    throw new ProblemError({
      title: 'The host did not answer',
      detail: `Check that NightPOS Mail is running and reachable (${error.message}).`,
    });
  }

  const type = response.headers.get('Content-Type') ?? '';
  const answer = response.status === 204 ? null
    : type.includes('json') ? await response.json()
      : await response.text();
  if (response.ok) {
    return answer;
  }

  const problem = answer && typeof answer === 'object'
    ? answer
    : { title: response.statusText || 'The request was refused', detail: answer || null };
  problem.status ??= response.status;
  if (response.status === 401) {
    unauthorized(problem);
  }
  throw new ProblemError(problem);
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const remove = (path) => call('DELETE', path);

export function query(path, parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
