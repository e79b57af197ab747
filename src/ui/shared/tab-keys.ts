/** The tab a key moves to in a tab strip: arrows wrap, Home/End go to the ends; undefined for other keys. */
export function tabAfterKey<T>(ids: readonly T[], current: T, key: string): T | undefined {
  const i = ids.indexOf(current);
  const n = ids.length;
  const next = key === 'ArrowRight' ? (i + 1) % n : key === 'ArrowLeft' ? (i + n - 1) % n : key === 'Home' ? 0 : key === 'End' ? n - 1 : -1;
  return next < 0 ? undefined : ids[next];
}
