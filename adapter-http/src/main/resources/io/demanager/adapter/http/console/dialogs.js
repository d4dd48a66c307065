// The console's dialogs: create, edit, delete, the events timeline and opening a running notebook.

import { api } from './api.js';
import { autoStopChoice } from './autostop.js';
import { idleStopChoice } from './idlestop.js';
import { clock, dateTime, hours, statusBadge } from './format.js';

const $ = (id) => document.getElementById(id);
const after = { refresh: () => {}, notify: () => {} };
const createAutoStop = autoStopChoice($('create-auto-stop'), 'create');
const editAutoStop = autoStopChoice($('edit-auto-stop'), 'edit');
const createIdleStop = idleStopChoice($('create-idle-stop'), 'create');
const editIdleStop = idleStopChoice($('edit-idle-stop'), 'edit');
let catalog = null;
let editing = null;
let deleting = null;

function open(dialog) {
  dialog.querySelectorAll('.error').forEach((error) => { error.textContent = ''; });
  dialog.showModal();
}

/** Submits a dialog's form through {@code send}; a refusal stays in the dialog, in the API's words. */
function onSubmit(formId, errorId, send) {
  $(formId).addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = event.target.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const done = await send();
      event.target.closest('dialog').close();
      after.notify(done);
      after.refresh();
    } catch (error) {
      $(errorId).textContent = error.message;
    } finally {
      submit.disabled = false;
    }
  });
}

// ---- create ---------------------------------------------------------------------------------------

function flavorsFor(profile) {
  return catalog.flavors.map((entry) => entry.flavor_details)
    .filter((flavor) => profile.flavor_types.includes(flavor.type));
}

function showFlavors() {
  const profile = catalog.profiles.find((candidate) => candidate.id === $('create-profile').value);
  const select = $('create-flavor');
  const previous = select.value;
  select.replaceChildren(...flavorsFor(profile).map((flavor) => {
    const soldOut = flavor.status === 'soldOut';
    const option = new Option(`${flavor.name} (${flavor.type}${flavor.promo_type === 'Free' ? ', free' : ''}${soldOut ? ', sold out' : ''})`, flavor.name);
    option.disabled = soldOut;
    return option;
  }));
  if ([...select.options].some((option) => option.value === previous && !option.disabled)) {
    select.value = previous;
  } else {
    const firstOnSale = [...select.options].find((option) => !option.disabled);
    if (firstOnSale) select.value = firstOnSale.value;
  }
  showFlavor();
}

function showFlavor() {
  const entry = catalog.flavors.find((candidate) => candidate.flavor_details.name === $('create-flavor').value);
  const notes = [];
  if (entry) {
    const flavor = entry.flavor_details;
    if (flavor.duration) notes.push(`Free: it stops after ${hours(flavor.duration)} at most.`);
    if (entry.queue) {
      notes.push(entry.queue.full
        ? `All ${entry.queue.capacity} places are taken or owed to the ${entry.queue.queued} waiting: a new instance waits in the queue.`
        : `${entry.queue.capacity - entry.queue.in_use - entry.queue.queued} of ${entry.queue.capacity} places are free.`);
    }
    $('create-storage').replaceChildren(...flavor.storage_list.map((type) => new Option(type.toUpperCase(), type)));
    if (flavor.storage_list.includes('evs')) $('create-storage').value = 'evs';
  }
  $('create-flavor-note').textContent = notes.join(' ');
}

async function create() {
  try {
    catalog = await api.catalog();
  } catch (error) {
    $('action-error').textContent = `The catalog could not be read: ${error.message}`;
    return;
  }
  $('create-form').reset();
  $('create-profile').replaceChildren(...catalog.profiles.map((profile) =>
    new Option(`${profile.name}: ${profile.description}`, profile.id)));
  createAutoStop.show({ enable: true, duration: 3600 });
  createIdleStop.show({ enable: false });
  showFlavors();
  open($('create-dialog'));
}

async function sendCreate() {
  const body = {
    name: $('create-name').value.trim(),
    profile_id: $('create-profile').value,
    flavor: $('create-flavor').value,
    spec: { storage: { type: $('create-storage').value }, auto_stop: createAutoStop.read(), idle_stop: createIdleStop.read() },
  };
  const description = $('create-description').value.trim();
  if (description) body.description = description;
  const created = await api.create(body);
  return `${created.name} is ${created.status}.`;
}

// ---- edit -----------------------------------------------------------------------------------------

function edit(instance) {
  editing = instance;
  $('edit-title').textContent = `Edit ${instance.name}`;
  $('edit-description').value = instance.description || '';
  const autoStop = instance.spec && instance.spec.auto_stop;
  editAutoStop.show(autoStop);
  editIdleStop.show(instance.spec && instance.spec.idle_stop);
  const running = instance.status === 'RUNNING';
  $('edit-running-note').hidden = !running;
  if (running) {
    const thisRun = autoStop && autoStop.remain_time !== undefined
      ? `This run still stops in ${clock(autoStop.remain_time)}.`
      : 'This run has no automatic stop.';
    $('edit-running-note').textContent =
      `${instance.name} is running: a change of auto stop applies at its next start (of idle stop, at once). ${thisRun}`;
  }
  open($('edit-dialog'));
}

async function sendEdit() {
  const changed = await api.modify(editing.id, {
    description: $('edit-description').value.trim(),
    spec: { auto_stop: editAutoStop.read(), idle_stop: editIdleStop.read() },
  });
  return `${changed.name} is saved.`;
}

// ---- delete ---------------------------------------------------------------------------------------

function remove(instance) {
  deleting = instance;
  $('delete-title').textContent = `Delete ${instance.name}?`;
  $('delete-text').textContent = `${instance.name} (${instance.status}) and its storage are deleted. This cannot be undone.`;
  open($('delete-dialog'));
}

async function sendDelete() {
  await api.remove(deleting.id);
  return `${deleting.name} is deleted.`;
}

// ---- events and open ------------------------------------------------------------------------------

async function events(instance) {
  $('events-title').textContent = `Events of ${instance.name}`;
  $('timeline').replaceChildren();
  open($('events-dialog'));
  try {
    const page = await api.events(instance.id);
    $('timeline').replaceChildren(...page.events.map((event) => {
      const item = document.createElement('li');
      const when = document.createElement('time');
      when.dateTime = new Date(event.timestamp).toISOString();
      when.textContent = dateTime(event.timestamp);
      const change = document.createElement('span');
      change.className = 'change';
      if (event.from_status && event.from_status !== event.to_status) {
        change.append(statusBadge(event.from_status), ' to ');
      }
      change.append(statusBadge(event.to_status));
      const cause = document.createElement('span');
      cause.className = 'muted small';
      cause.textContent = event.cause.toLowerCase().replaceAll('_', ' ');
      item.append(when, change, cause);
      return item;
    }));
  } catch (error) {
    $('events-error').textContent = error.message;
  }
}

async function openNotebook(instance) {
  $('open-title').textContent = `Open ${instance.name}`;
  const url = instance.spec && instance.spec.annotations && instance.spec.annotations.url;
  $('open-url').textContent = url || '';
  $('open-token').textContent = '';
  $('open-link').removeAttribute('href');
  open($('open-dialog'));
  try {
    const { token } = await api.accessToken(instance.id);
    $('open-token').textContent = token;
    $('open-link').href = `${url}?token=${encodeURIComponent(token)}`;
  } catch (error) {
    $('open-error').textContent = error.message;
  }
}

function wire({ refresh, notify }) {
  after.refresh = refresh;
  after.notify = notify;
  for (const dialog of document.querySelectorAll('dialog')) {
    dialog.querySelectorAll('.cancel').forEach((button) => button.addEventListener('click', () => dialog.close()));
  }
  $('create-profile').addEventListener('change', showFlavors);
  $('create-flavor').addEventListener('change', showFlavor);
  onSubmit('create-form', 'create-error', sendCreate);
  onSubmit('edit-form', 'edit-error', sendEdit);
  onSubmit('delete-form', 'delete-error', sendDelete);
}

export const dialogs = { create, edit, remove, events, open: openNotebook, wire };
