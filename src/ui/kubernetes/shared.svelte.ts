/** The page's one Kubernetes state: every section's form and the open section, kept across area switches and (without keys) across reloads. */
import { CLUSTER_KEY_TYPES, KUBE_USAGES } from '../../kube/index.ts';
import { field, pasted, prop, remember } from '../shared/form-memory.svelte.ts';
import { pageState } from '../shared/page-state.svelte.ts';
import { LAYOUT_CHOICES, MAX_WORKERS, type ClusterPkiState } from './cluster-pki-state.svelte.ts';
import { CUSTOM_SIGNER, SIGNER_CHOICES } from './csr-manifest-state.svelte.ts';
import { KubernetesState, SECTIONS } from './kubernetes-state.svelte.ts';

type Worker = ClusterPkiState['workers'][number];

const isWorkers = (v: unknown): v is Worker[] =>
  Array.isArray(v) &&
  v.length <= MAX_WORKERS &&
  v.every((w: unknown) => !!w && typeof w === 'object' && ['hostname', 'internalIp', 'externalIp'].every((k) => typeof (w as Record<string, unknown>)[k] === 'string'));

const isString = (v: unknown): v is string => typeof v === 'string';

export const sharedKubernetesState = pageState(() => {
  const kube = new KubernetesState();
  const { csr, secret, kubeconfig: kc, clusterPki: pki, expiry, renew } = kube;
  // Left out on purpose: every private key field (secret.key, kubeconfig.key), the cluster copy and its CA passphrase (renew.inputs, renew.passphrase).
  remember('kubernetes', {
    section: prop(kube, 'section', SECTIONS.map((s) => s.id)),
    'csr.request': pasted(csr.source),
    // The signer follows the request unless the person picked another one.
    'csr.signer': field(
      () => (csr.followsSuggestion ? undefined : csr.signerChoice),
      (v) => (csr.signerChoice = v),
      (v): v is string => [...SIGNER_CHOICES.map((c) => c.value), CUSTOM_SIGNER].includes(v as string),
    ),
    'csr.customSigner': field(() => csr.customSigner, (v) => (csr.customSigner = v), isString),
    'csr.name': prop(csr, 'name'),
    'csr.chooseUsages': prop(csr, 'chooseUsages'),
    'csr.usages': prop(csr, 'usages', KUBE_USAGES),
    'csr.expiration': prop(csr, 'expiration'),
    'csr.signed': pasted(csr.signed),
    'secret.chain': pasted(secret.chain),
    'secret.ca': pasted(secret.ca),
    'secret.name': prop(secret, 'name'),
    'secret.nameEdited': prop(secret, 'nameEdited'),
    'secret.namespace': prop(secret, 'namespace'),
    'secret.reorderChain': prop(secret, 'reorderChain'),
    'secret.containerName': prop(secret, 'containerName'),
    'secret.mountPath': prop(secret, 'mountPath'),
    'kubeconfig.certificate': pasted(kc.certificate),
    'kubeconfig.ca': pasted(kc.ca),
    'kubeconfig.server': prop(kc, 'server'),
    'kubeconfig.clusterName': prop(kc, 'clusterName'),
    'kubeconfig.namespace': prop(kc, 'namespace'),
    'pki.layout': prop(pki, 'layout', LAYOUT_CHOICES.map((c) => c.value)),
    'pki.keyType': prop(pki, 'keyType', CLUSTER_KEY_TYPES),
    'pki.leafDays': prop(pki, 'leafDays'),
    'pki.caDays': prop(pki, 'caDays'),
    'pki.nodeName': prop(pki, 'nodeName'),
    'pki.advertiseAddress': prop(pki, 'advertiseAddress'),
    'pki.controlPlaneEndpoint': prop(pki, 'controlPlaneEndpoint'),
    'pki.serviceSubnet': prop(pki, 'serviceSubnet'),
    'pki.dnsDomain': prop(pki, 'dnsDomain'),
    'pki.certSANs': prop(pki, 'certSANs'),
    'pki.clusterName': prop(pki, 'clusterName'),
    'pki.workers': field(
      () => pki.workers,
      (v) => {
        pki.workers = v;
      },
      isWorkers,
    ),
    'pki.controllerIps': prop(pki, 'controllerIps'),
    'pki.publicAddress': prop(pki, 'publicAddress'),
    'pki.serviceClusterIpRange': prop(pki, 'serviceClusterIpRange'),
    'expiry.text': prop(expiry, 'text'),
    'expiry.asOf': prop(expiry, 'asOfText'),
    'renew.days': prop(renew, 'days'),
    'renew.rotateKeys': prop(renew, 'rotateKeys'),
    'renew.renewCas': prop(renew, 'renewCas'),
    'renew.asOf': prop(renew, 'asOfText'),
  });
  return kube;
});
