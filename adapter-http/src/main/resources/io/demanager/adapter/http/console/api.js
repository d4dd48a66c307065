// The public DevEnviron API, as the console calls it: the caller's project and token, kept for this tab only.

const SESSION_KEY = 'demanager.session';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(code ? `${message} (${code})` : message);
    this.status = status;
    this.code = code;
  }
}

export function session() {
  const saved = sessionStorage.getItem(SESSION_KEY);
  return saved ? JSON.parse(saved) : null;
}

export function signIn(project, token) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ project, token }));
}

export function signOut() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** A request of the project's API with the session's token; {@code headers} and {@code options} add to it. */
function send(path, headers, options) {
  const { project, token } = session();
  return fetch(`/v1/${encodeURIComponent(project)}/demanager${path}`, {
    ...options,
    headers: { 'X-Auth-Token': token, ...headers },
    cache: 'no-store',
  });
}

async function call(method, path, body) {
  const response = await send(path, body === undefined ? {} : { 'Content-Type': 'application/json' }, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    throw new ApiError(response.status, json.error_code, json.error_msg || `The server answered ${response.status}.`);
  }
  return json;
}

const instance = (id) => `/instances/${encodeURIComponent(id)}`;

/**
 * Reads the project's event stream (Server-Sent Events, read with fetch since EventSource cannot send the token):
 * {@code onOpen} once the server watches, {@code onEvent} for each event, until the stream ends, fails or
 * {@code signal} aborts it.
 */
async function watch(signal, onOpen, onEvent) {
  const response = await send('/events', { Accept: 'text/event-stream' }, { signal });
  if (!response.ok) {
    throw new ApiError(response.status, null, `The event stream was refused (${response.status}).`);
  }
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const frames = (pending + value).split('\n\n');
    pending = frames.pop();
    if (frames.some((frame) => frame.split('\n').some((line) => line.startsWith('data:')))) onEvent();
  }
}

export const api = {
  list: ({ status, sortBy, order, offset, limit }) => {
    const query = new URLSearchParams({ de_type: 'Notebook', show_self: 'false', sortby: sortBy, order, offset, limit });
    if (status) {
      query.set('status', status);
    }
    return call('GET', `/instances?${query}`);
  },
  get: (id) => call('GET', instance(id)),
  create: (body) => call('POST', '/instances', body),
  modify: (id, body) => call('PUT', instance(id), body),
  remove: (id) => call('DELETE', instance(id)),
  act: (id, action) => call('POST', `${instance(id)}/action`, { action }),
  events: (id) => call('GET', `${instance(id)}/events`),
  accessToken: (id) => call('GET', `${instance(id)}/token`),
  catalog: () => call('GET', '/catalog'),
  watch,
};
