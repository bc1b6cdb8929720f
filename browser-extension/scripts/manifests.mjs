/** One source manifest, two shipped ones: each browser gets only the keys it understands. */

/** @param {'chrome'|'firefox'} target */
export function manifestFor(manifest, target) {
  const { service_worker: worker, scripts, type } = manifest.background;
  if (target === 'chrome') {
    const { browser_specific_settings: _firefoxOnly, ...rest } = manifest;
    return { ...rest, background: { service_worker: worker, type } };
  }
  return { ...manifest, background: { scripts, type } };
}
