// The console: sign in, then the project's instances with their actions, refreshed as the project's event stream tells
// of changes, and every REFRESH_MILLIS in any case (for what changes without an event, and while the stream is away).

import { api, session, signIn, signOut } from './api.js';
import { STATUSES, clock, dateTime, minutes, statusBadge } from './format.js';
import { dialogs } from './dialogs.js';

const REFRESH_MILLIS = 15000;
const STREAM_RETRY_MILLIS = 5000;
/** Events come in bursts (a stop is STOPPING, then STOPPED): one refresh for those that come this close together. */
const EVENT_DEBOUNCE_MILLIS = 100;
const $ = (id) => document.getElementById(id);

const view = { offset: 0, refreshTimer: null, eventTimer: null, stream: null, instances: [], shown: null };

function listQuery() {
  const [sortBy, order] = $('sort').value.split(':');
  return { status: $('status-filter').value, sortBy, order, offset: view.offset, limit: Number($('page-size').value) };
}

function showError(error) {
  $('action-error').textContent = error ? error.message : '';
}

function notify(text) {
  $('notice').textContent = text;
}

/** Buttons for what the instance's status allows; the API still decides, and says why when it refuses. */
function actionsOf(instance) {
  const status = instance.status;
  const actions = [];
  if (['STOPPED', 'START_FAILED', 'UNAVAILABLE'].includes(status)) actions.push(['start', 'Start']);
  if (['RUNNING', 'STARTING', 'RESTARTING'].includes(status)) actions.push(['stop', 'Stop']);
  if (status === 'RUNNING') actions.push(['restart', 'Restart'], ['open', 'Open notebook']);
  actions.push(['edit', 'Edit'], ['events', 'Events'], ['delete', 'Delete']);
  return actions;
}

function autoStopCell(instance) {
  const autoStop = instance.spec && instance.spec.auto_stop;
  const cell = document.createElement('td');
  if (instance.status === 'RUNNING' && autoStop && autoStop.remain_time !== undefined) {
    const countdown = document.createElement('span');
    countdown.className = 'countdown';
    countdown.dataset.deadline = String(performance.now() + autoStop.remain_time * 1000);
    countdown.textContent = `Stops in ${clock(autoStop.remain_time)}`;
    cell.append(countdown);
  } else if (autoStop && autoStop.enable) {
    cell.textContent = `After ${autoStop.duration / 3600} h running`;
  } else {
    cell.textContent = 'Off';
  }
  const idleStop = instance.spec && instance.spec.idle_stop;
  if (idleStop && idleStop.enable) {
    cell.append(note('idle-stop', `Idle stop after ${minutes(idleStop.idle_seconds)} unused`));
  }
  return cell;
}

/** A status, and for an inactive free instance, when it will be deleted unless it is started before. */
function statusCell(instance) {
  const cell = document.createElement('td');
  cell.append(statusBadge(instance.status));
  if (instance.retention_info) {
    cell.append(note('retention', `Deleted ${dateTime(instance.retention_info.delete_timestamp)} unless started`));
  }
  return cell;
}

function note(className, text) {
  const line = document.createElement('div');
  line.className = `${className} muted small`;
  line.textContent = text;
  return line;
}

function row(instance) {
  const tr = document.createElement('tr');
  tr.dataset.id = instance.id;
  const name = document.createElement('th');
  name.scope = 'row';
  name.textContent = instance.name;
  if (instance.description) {
    name.append(note('description', instance.description));
  }
  const status = statusCell(instance);
  const flavor = document.createElement('td');
  flavor.textContent = instance.flavor;
  const created = document.createElement('td');
  created.textContent = dateTime(instance.creation_timestamp);
  const actions = document.createElement('td');
  actions.className = 'actions';
  for (const [action, text] of actionsOf(instance)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.dataset.action = action;
    button.setAttribute('aria-label', `${text} ${instance.name}`);
    actions.append(button);
  }
  const autoStop = autoStopCell(instance);
  [[status, 'Status'], [flavor, 'Flavor'], [autoStop, 'Auto stop'], [created, 'Created']]
    .forEach(([cell, label]) => { cell.dataset.label = label; });
  tr.append(name, status, flavor, autoStop, created, actions);
  return tr;
}

/** What the table shows, but the time left of running leases, which moves every second by itself. */
function signature(list) {
  return JSON.stringify(list, (key, value) => (key === 'remain_time' ? undefined : value));
}

/** The same rows: only the deadlines of the countdowns are set again, when the server's differs by over 2 seconds. */
function adjustCountdowns(list) {
  for (const instance of list.instances) {
    const countdown = document.querySelector(`tr[data-id="${CSS.escape(instance.id)}"] .countdown`);
    const remain = instance.spec && instance.spec.auto_stop && instance.spec.auto_stop.remain_time;
    if (countdown && remain !== undefined) {
      const deadline = performance.now() + remain * 1000;
      if (Math.abs(deadline - Number(countdown.dataset.deadline)) > 2000) {
        countdown.dataset.deadline = String(deadline);
      }
    }
  }
}

function render(list) {
  $('refreshed').textContent = new Date().toLocaleTimeString();
  view.instances = list.instances;
  const shown = signature(list);
  if (shown === view.shown) {
    adjustCountdowns(list);
    tick();
    return;
  }
  view.shown = shown;
  const focused = document.activeElement && document.activeElement.closest('tr[data-id]')
    ? [document.activeElement.closest('tr').dataset.id, document.activeElement.dataset.action] : null;
  $('instances').tBodies[0].replaceChildren(...list.instances.map(row));
  $('empty').hidden = list.instances.length > 0;
  const limit = Number($('page-size').value);
  const first = list.total_count === 0 ? 0 : view.offset + 1;
  $('page-info').textContent = `${first} to ${view.offset + list.instances.length} of ${list.total_count}`;
  $('previous-page').disabled = view.offset === 0;
  $('next-page').disabled = view.offset + limit >= list.total_count;
  if (focused) {
    const again = document.querySelector(`tr[data-id="${CSS.escape(focused[0])}"] button[data-action="${focused[1]}"]`);
    if (again) again.focus();
  }
}

async function refresh() {
  clearTimeout(view.refreshTimer);
  try {
    render(await api.list(listQuery()));
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      leave(error);
      return;
    }
    showError(error);
  }
  view.refreshTimer = setTimeout(refresh, REFRESH_MILLIS);
}

function showLive(live) {
  $('live').textContent = live ? 'Live: changes show as they happen.' : `Refreshed every ${REFRESH_MILLIS / 1000} seconds.`;
}

/** Follows the event stream while signed in; a stream refused or broken is opened again a little later. */
function follow() {
  const stream = new AbortController();
  view.stream = stream;
  api.watch(stream.signal, () => { showLive(true); refresh(); }, () => {
    clearTimeout(view.eventTimer);
    view.eventTimer = setTimeout(refresh, EVENT_DEBOUNCE_MILLIS);
  }).catch(() => {}).finally(() => {
    if (view.stream !== stream || stream.signal.aborted) return;
    showLive(false);
    setTimeout(() => { if (view.stream === stream) follow(); }, STREAM_RETRY_MILLIS);
  });
}

function unfollow() {
  if (view.stream) view.stream.abort();
  view.stream = null;
  clearTimeout(view.eventTimer);
}

function tick() {
  for (const countdown of document.querySelectorAll('.countdown')) {
    const left = (Number(countdown.dataset.deadline) - performance.now()) / 1000;
    countdown.textContent = left > 0 ? `Stops in ${clock(left)}` : 'Stopping now';
  }
}

async function act(id, action) {
  const instance = view.instances.find((candidate) => candidate.id === id);
  showError(null);
  switch (action) {
    case 'edit': return dialogs.edit(instance);
    case 'events': return dialogs.events(instance);
    case 'open': return dialogs.open(instance);
    case 'delete': return dialogs.remove(instance);
    default:
      try {
        const change = await api.act(id, action);
        notify(`${instance.name}: ${change.previous_state} to ${change.current_status}.`);
      } catch (error) {
        showError(new Error(`Could not ${action} ${instance.name}: ${error.message}`));
      }
      return refresh();
  }
}

function enter() {
  const { project } = session();
  $('sign-in-view').hidden = true;
  $('instances-view').hidden = false;
  $('sign-out').hidden = false;
  $('project-name').textContent = `in ${project}`;
  showLive(false);
  refresh();
  follow();
}

function leave(error) {
  clearTimeout(view.refreshTimer);
  unfollow();
  signOut();
  $('instances-view').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in-view').hidden = false;
  $('sign-in-error').textContent = error ? error.message : '';
}

function start() {
  for (const status of STATUSES.filter((status) => status !== 'DELETED')) {
    $('status-filter').append(new Option(status, status));
  }
  $('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    signIn($('project').value.trim(), $('token').value);
    try {
      await api.list({ sortBy: 'name', order: 'asc', offset: 0, limit: 1 });
      $('token').value = '';
      enter();
    } catch (error) {
      leave(error);
    }
  });
  $('sign-out').addEventListener('click', () => leave(null));
  $('list-controls').addEventListener('change', () => { view.offset = 0; refresh(); });
  $('previous-page').addEventListener('click', () => {
    view.offset = Math.max(0, view.offset - Number($('page-size').value));
    refresh();
  });
  $('next-page').addEventListener('click', () => { view.offset += Number($('page-size').value); refresh(); });
  $('instances').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button) act(button.closest('tr').dataset.id, button.dataset.action);
  });
  $('new-instance').addEventListener('click', () => dialogs.create());
  dialogs.wire({ refresh, notify });
  setInterval(tick, 1000);
  if (session()) enter();
}

start();
