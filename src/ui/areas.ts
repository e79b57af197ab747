/** The workbench's areas, in navigation order. The hash (#inspect) selects one, so reload keeps it. */
export const AREAS = [
  { id: 'inspect', label: 'Inspect', blurb: 'Decode certificates, CSRs, CRLs, keys and Kubernetes objects.' },
  { id: 'create', label: 'Create', blurb: 'Make keys and certificate signing requests.' },
  { id: 'ca', label: 'CA', blurb: 'Keep certificate authorities and sign requests.' },
  { id: 'kubernetes', label: 'Kubernetes', blurb: 'CSR and Secret manifests, kubeconfigs, cluster PKI.' },
  { id: 'verify', label: 'Verify', blurb: 'Chains, host names, key matches and lints, with reasons in plain words.' },
  { id: 'workshop', label: 'Workshop', blurb: 'Guided labs: learn TLS and Kubernetes PKI by doing.' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '');
  return AREAS.find((a) => a.id === id)?.id ?? 'inspect';
}
