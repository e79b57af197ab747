/** The workbench's areas, in navigation order. The hash (#inspect) selects one, so reload keeps it. Names are in i18n/messages/shell.ts. */
export const AREAS = ['inspect', 'create', 'ca', 'kubernetes', 'verify', 'workshop'] as const;

export type AreaId = (typeof AREAS)[number];

export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '');
  return AREAS.find((a) => a === id) ?? 'inspect';
}
