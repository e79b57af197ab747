/**
 * Certificate lints, for the UI and `certbench lint`:
 *   lintCertificate(der, { at?, pki?: 'public'|'private', usage?: 'server'|'client', kubeServiceIp? }) → LintFinding[]
 * Each finding: { id, severity: 'error'|'warning'|'info', message (one line: what is wrong), fix (one line) },
 * both in English as the CLI prints them, and the same as messages (said, fixSaid: src/core/messages/<locale>/lint.ts).
 * Rule ids (RULES): expired, not-yet-valid, expires-soon, cn-only, cn-not-in-san, invalid-dns-san,
 * rsa-too-small, weak-signature, leaf-is-ca, missing-eku, validity-too-long, bad-serial, missing-ski,
 * missing-aki, ca-without-crlsign, and for Kubernetes: k8s-system-masters, k8s-apiserver-names,
 * k8s-apiserver-service-ip, k8s-kubelet-subject, k8s-etcd-clientauth. A malformed certificate also
 * gets 'malformed' findings first.
 */
export { lintCertificate, RULES, type LintFinding, type LintOptions, type LintSeverity } from './rules.ts';
