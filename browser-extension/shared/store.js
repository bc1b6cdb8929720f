import { api } from './api.js';
import { readManaged } from './managed.js';
import { KEYS, editableValues, mergeSettings } from './settings.js';

/** Settings as they apply now: managed values win. */
export async function loadSettings() {
  const [local, managed] = await Promise.all([api.storage.local.get([...KEYS]), readManaged()]);
  return mergeSettings(local, managed);
}

/** Save what the teacher may change; managed keys are never written. */
export async function saveSettings(values) {
  const { managedKeys } = mergeSettings({}, await readManaged());
  await api.storage.local.set(editableValues(values, managedKeys));
}
