// How values of the API are shown: status badges, durations, times.

export const STATUSES = ['CREATE_QUEUING', 'CREATING', 'CREATE_FAILED', 'START_QUEUING', 'READY_TO_START', 'STARTING',
  'RESTARTING', 'START_FAILED', 'RUNNING', 'STOPPING', 'STOPPED', 'UNAVAILABLE', 'DELETED', 'RESIZING', 'RESIZE_FAILED'];

const KIND = {
  RUNNING: 'running',
  STOPPED: 'stopped',
  CREATE_FAILED: 'failed', START_FAILED: 'failed', RESIZE_FAILED: 'failed', UNAVAILABLE: 'failed',
  CREATE_QUEUING: 'queued', START_QUEUING: 'queued', READY_TO_START: 'queued',
};

/** A badge whose text is the status itself, so that colour is never the only sign. */
export function statusBadge(status) {
  const badge = document.createElement('span');
  badge.className = `badge ${KIND[status] || 'busy'}`;
  badge.textContent = status;
  return badge;
}

/** 7265 seconds as "2:01:05". */
export function clock(seconds) {
  const whole = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = String(Math.floor((whole % 3600) / 60)).padStart(2, '0');
  const rest = String(whole % 60).padStart(2, '0');
  return `${hours}:${minutes}:${rest}`;
}

/** 7200 seconds as "2 hours". */
export function hours(seconds) {
  const value = seconds / 3600;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} hour${value === 1 ? '' : 's'}`;
}

/** 5400 seconds as "90 minutes". */
export function minutes(seconds) {
  const value = Math.round(seconds / 60);
  return `${value} minute${value === 1 ? '' : 's'}`;
}

export function dateTime(epochMillis) {
  return new Date(Number(epochMillis)).toLocaleString();
}
