// The auto-stop choice of ModelArts: off, or after 1, 2, 4 or 6 hours, or a custom 1 to 24 hours.

const PRESET_HOURS = [1, 2, 4, 6];
const MAX_HOURS = 24;

/** Fills {@code fieldset} with the choice; {@code prefix} keeps the ids of two forms apart. */
export function autoStopChoice(fieldset, prefix) {
  fieldset.replaceChildren();
  const legend = document.createElement('legend');
  legend.textContent = 'Auto stop';
  fieldset.append(legend);
  const radios = [];
  const addRadio = (value, text) => {
    const id = `${prefix}-auto-stop-${value}`;
    const label = document.createElement('label');
    label.className = 'choice';
    label.htmlFor = id;
    const radio = document.createElement('input');
    Object.assign(radio, { type: 'radio', name: `${prefix}-auto-stop`, id, value });
    label.append(radio, ` ${text}`);
    fieldset.append(label);
    radios.push(radio);
    return radio;
  };
  addRadio('off', 'Off');
  PRESET_HOURS.forEach((hours) => addRadio(String(hours), `${hours} hour${hours === 1 ? '' : 's'}`));
  const custom = addRadio('custom', 'Custom:');
  const hoursInput = document.createElement('input');
  Object.assign(hoursInput, { type: 'number', min: 1, max: MAX_HOURS, step: 1, id: `${prefix}-auto-stop-hours` });
  hoursInput.setAttribute('aria-label', `Custom auto stop, in hours (1 to ${MAX_HOURS})`);
  const customLabel = custom.parentElement;
  customLabel.append(' ', hoursInput, ' hours');
  hoursInput.addEventListener('focus', () => { custom.checked = true; });

  return {
    /** Shows {@code autoStop} of an instance document (enable, duration in seconds). */
    show(autoStop) {
      const hours = autoStop && autoStop.duration ? autoStop.duration / 3600 : 1;
      if (!autoStop || !autoStop.enable) {
        radios[0].checked = true;
      } else if (PRESET_HOURS.includes(hours)) {
        radios.find((radio) => radio.value === String(hours)).checked = true;
      } else {
        custom.checked = true;
      }
      hoursInput.value = Number.isInteger(hours) ? hours : '';
    },
    /** The {@code auto_stop} of a request, or an Error that says what is wrong. */
    read() {
      const chosen = radios.find((radio) => radio.checked);
      if (!chosen || chosen.value === 'off') {
        return { enable: false };
      }
      const hours = chosen.value === 'custom' ? Number(hoursInput.value) : Number(chosen.value);
      if (!Number.isInteger(hours) || hours < 1 || hours > MAX_HOURS) {
        throw new Error(`A custom auto stop is a whole number of hours from 1 to ${MAX_HOURS}.`);
      }
      return { enable: true, duration: hours * 3600 };
    },
  };
}
