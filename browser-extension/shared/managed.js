import { api } from './api.js';

/** The district's managed settings (enterprise policy); {} when none are set. */
export async function readManaged() {
  try {
    return (await api.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}
