// `certbench k8s csr|secret|kubeconfig`: Kubernetes manifests from certificate files. The manifest
// goes to stdout (or --out) so it can be piped into kubectl; findings and commands go to stderr.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cliError } from './cli-error.ts';
import { detectInput } from '../core/input/detect.ts';
import type { ObjectKind } from '../core/types.ts';
import { shellQuote } from '../core/equivalent-command.ts';
import { buildCsrManifest, csrCommands, isSelfSigned, selfSigningCommands } from '../kube/csr-manifest.ts';
import { buildCsrStatusPatch, csrSignatureProblem } from '../kube/csr-status.ts';
import { suggestDns1123Name } from '../kube/dns-names.ts';
import { suggestSigner } from '../kube/signers.ts';
import { kubeCsrFacts } from '../kube/x509-facts.ts';
import { formatFindings, hasErrors, type Finding } from '../kube/findings.ts';
import { render } from '../core/errors.ts';
import { buildKubeconfig, kubeconfigTryCommands } from '../kube/kubeconfig.ts';
import { buildTlsSecret } from '../kube/tls-secret.ts';
import { writeFileAtomic } from './files.ts';
import type { CliIo } from './registry.ts';
import { registerCommand } from './registry.ts';

export function readFileBytes(path: string, flag: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw cliError(`cannot read ${path}`, flag);
  }
}

/** Every object of `kind` in a file (PEM, DER, base64 or Kubernetes YAML), in file order. */
export function objectsIn(path: string, flag: string, kind: ObjectKind): Uint8Array[] {
  const found = detectInput(readFileBytes(path, flag), path);
  const ders = found.objects.filter((o) => o.kind === kind).map((o) => o.der);
  if (!ders.length) {
    const why = found.problems.map((p) => p.message).join('; ') || `found ${found.objects.map((o) => o.kind).join(', ')}`;
    throw cliError(`no ${kind === 'csr' ? 'certificate request' : kind} in ${path} (${why})`, flag);
  }
  return ders;
}

/** Prints findings and commands; returns the exit status (1 when a finding is an error). */
function report(io: CliIo, findings: readonly Finding[], commands: readonly string[]): number {
  io.stderr(formatFindings(findings));
  if (hasErrors(findings)) {
    io.stderr('not written: fix the errors above\n');
    return 1;
  }
  if (commands.length) io.stderr(`\n# then\n${commands.join('\n')}\n`);
  return 0;
}

function emit(io: CliIo, text: string, out: string | undefined): void {
  if (out) writeFileAtomic(out, text, 'private');
  else io.stdout(text);
}

function positiveInt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw cliError(`"${text}" is not a whole number`, flag);
  return n;
}

async function csr(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { csr: { type: 'string' }, signer: { type: 'string' }, name: { type: 'string' }, usages: { type: 'string' }, 'expiration-seconds': { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.csr) throw cliError('--csr FILE is required (and --signer NAME, or the signer the request is meant for is chosen)');
  const csrDer = objectsIn(values.csr, '--csr', 'csr')[0]!;
  // kube-apiserver refuses a request whose self-signature does not verify: so does this, as `sign` does.
  const broken = await csrSignatureProblem(csrDer);
  if (broken) throw cliError(`${render(broken)}; kube-apiserver refuses such a request, so no manifest was written`, values.csr);
  let signerName = values.signer;
  if (!signerName) {
    const suggestion = suggestSigner(kubeCsrFacts(csrDer));
    signerName = suggestion.signerName;
    io.stderr(`signer: ${signerName} (no --signer given): ${suggestion.reason}\n`);
  }
  const r = buildCsrManifest({
    csrDer,
    signerName,
    name: values.name,
    usages: values.usages?.split(',').map((u) => u.trim()).filter(Boolean),
    expirationSeconds: positiveInt(values['expiration-seconds'], '--expiration-seconds'),
  });
  const commands = values.out ? (isSelfSigned(signerName) ? selfSigningCommands : csrCommands)(r.manifest.metadata.name, values.out) : r.commands;
  const status = report(io, r.findings, commands);
  if (status === 0) emit(io, r.yaml, values.out);
  return status;
}

async function csrStatus(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { csr: { type: 'string' }, cert: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' } } });
  if (!values.csr || !values.cert) throw cliError('--csr FILE and --cert FILE (the certificate your CA signed for it) are required');
  const csrDer = objectsIn(values.csr, '--csr', 'csr')[0]!;
  // The name k8s csr gave the manifest when it was left to the CN.
  const name = values.name ?? suggestDns1123Name(kubeCsrFacts(csrDer).commonName ?? '', 'csr');
  const r = buildCsrStatusPatch({ csrDer, name, certificates: objectsIn(values.cert, '--cert', 'certificate'), fileName: values.out });
  const status = report(io, r.findings, values.out ? r.commands : []);
  if (status === 0) emit(io, r.json, values.out);
  return status;
}

async function secret(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      cert: { type: 'string' }, key: { type: 'string' }, ca: { type: 'string' }, name: { type: 'string' }, namespace: { type: 'string', short: 'n' },
      'fix-order': { type: 'boolean' }, out: { type: 'string' }, 'show-mount': { type: 'boolean' },
    },
  });
  if (!values.cert || !values.key || !values.name) throw cliError('--cert FILE, --key FILE and --name NAME are required');
  const r = await buildTlsSecret({
    name: values.name,
    namespace: values.namespace,
    certificates: objectsIn(values.cert, '--cert', 'certificate'),
    privateKey: readFileBytes(values.key, '--key'),
    caCertificates: values.ca ? objectsIn(values.ca, '--ca', 'certificate') : undefined,
    reorderChain: values['fix-order'],
  });
  // With --out, the file to apply is the one written (kubectl create secret tls would need tls.crt and tls.key).
  const status = report(io, r.findings, values.out ? [`kubectl apply -f ${shellQuote(values.out)}`] : r.commands);
  if (status === 0) {
    emit(io, r.yaml, values.out);
    if (values['show-mount']) io.stderr(`\n# mount it in a Deployment: kubectl patch deployment NAME --patch-file mount.yaml\n${r.deploymentSnippet}`);
  }
  return status;
}

async function kubeconfig(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      cert: { type: 'string' }, key: { type: 'string' }, ca: { type: 'string' }, server: { type: 'string' }, cluster: { type: 'string' },
      user: { type: 'string' }, context: { type: 'string' }, namespace: { type: 'string', short: 'n' }, out: { type: 'string' },
    },
  });
  if (!values.cert || !values.key || !values.ca || !values.server) throw cliError('--cert, --key, --ca and --server https://HOST:PORT are required');
  const r = await buildKubeconfig({
    server: values.server,
    clusterName: values.cluster,
    caCertificates: objectsIn(values.ca, '--ca', 'certificate'),
    certificates: objectsIn(values.cert, '--cert', 'certificate'),
    privateKey: readFileBytes(values.key, '--key'),
    userName: values.user,
    contextName: values.context,
    namespace: values.namespace,
  });
  const commands = values.out ? kubeconfigTryCommands(values.out) : [];
  const status = report(io, r.findings, commands);
  if (status === 0) emit(io, r.yaml, values.out);
  return status;
}

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = { csr, 'csr-status': csrStatus, secret, kubeconfig };

const USAGE =
  'usage:\n' +
  '  certbench k8s csr --csr FILE [--signer NAME] [--name NAME] [--usages "digital signature,client auth"] [--expiration-seconds N] [--out FILE]\n' +
  '  certbench k8s csr-status --csr FILE --cert FILE [--name NAME] [--out FILE]\n' +
  '  certbench k8s secret --cert FILE --key FILE [--ca FILE] --name NAME [-n NAMESPACE] [--fix-order] [--show-mount] [--out FILE]\n' +
  '  certbench k8s kubeconfig --cert FILE --key FILE --ca FILE --server https://HOST:PORT [--cluster NAME] [--user NAME] [--out FILE]\n' +
  '\ncsr verifies the request\'s signature first. Without --signer it takes the signer the request is meant for\n' +
  '(system:node: client or serving: the kubelet signers; other clients: kube-apiserver-client; other serving\n' +
  'certificates: a signer of your own, example.com/serving) and says why on stderr. For a signer of your own,\n' +
  'csr-status writes the .status.certificate patch for the certificate your CA signed.\n';

registerCommand('k8s', 'Kubernetes manifests: k8s csr | csr-status | secret | kubeconfig', async (args, io) => {
  const [sub, ...rest] = args;
  const run = sub ? SUBCOMMANDS[sub] : undefined;
  if (!run) {
    io.stderr(USAGE);
    return 2;
  }
  return run(rest, io);
}, USAGE);
