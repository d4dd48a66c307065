// The idle-stop choice: off, or stop a running notebook once nobody has used it for a number of minutes.

const DEFAULT_MINUTES = 60;

/** Fills {@code fieldset} with the choice; {@code prefix} keeps the ids of two forms apart. */
export function idleStopChoice(fieldset, prefix) {
  fieldset.replaceChildren();
  const legend = document.createElement('legend');
  legend.textContent = 'Idle stop';
  const enabled = document.createElement('input');
  Object.assign(enabled, { type: 'checkbox', id: `${prefix}-idle-stop-enabled` });
  const minutesInput = document.createElement('input');
  Object.assign(minutesInput, { type: 'number', min: 1, step: 1, id: `${prefix}-idle-stop-minutes` });
  minutesInput.setAttribute('aria-label', 'Idle stop: minutes without use before the stop');
  minutesInput.addEventListener('focus', () => { enabled.checked = true; });
  const label = document.createElement('label');
  label.className = 'choice';
  label.htmlFor = enabled.id;
  label.append(enabled, ' Stop it when nobody has used it for ', minutesInput, ' minutes');
  fieldset.append(legend, label);

  return {
    /** Shows {@code idleStop} of an instance document (enable, idle_seconds). */
    show(idleStop) {
      enabled.checked = Boolean(idleStop && idleStop.enable);
      minutesInput.value = idleStop && idleStop.idle_seconds ? Math.round(idleStop.idle_seconds / 60) : DEFAULT_MINUTES;
    },
    /** The {@code idle_stop} of a request, or an Error that says what is wrong; the API says which times it allows. */
    read() {
      if (!enabled.checked) {
        return { enable: false };
      }
      const minutes = Number(minutesInput.value);
      if (!Number.isInteger(minutes) || minutes < 1) {
        throw new Error('The idle stop comes after a whole number of minutes.');
      }
      return { enable: true, idle_seconds: minutes * 60 };
    },
  };
}
