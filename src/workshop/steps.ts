/**
 * Step builders the labs share: the lab CA, a key and CSR, signing a CSR with the lab CA (what a
 * cluster signer does after `kubectl certificate approve`), each with its check and commands.
 */
import { parseCertificateRequest, readVerifiedRequest } from '../core/ca/csr.ts';
import { equivalentCommands } from '../core/ca/equivalents.ts';
import { planFromRequest, type IssuancePlan } from '../core/ca/issue.ts';
import { BUILTIN_PROFILES, type Profile } from '../core/ca/profiles.ts';
import { bytesEqual } from '../core/bytes.ts';
import { buildCsr } from '../core/csr/build.ts';
import { requestToCfssl } from '../core/csr/cfssl.ts';
import { requestToOpensslCommand } from '../core/csr/openssl-command.ts';
import type { CsrRequest, Usage } from '../core/csr/request.ts';
import type { SubjectAttribute } from '../core/csr/subject.ts';
import { errorMessage } from '../core/errors.ts';
import { generateKeyPair } from '../core/keys/generate.ts';
import type { KeyType } from '../core/keys/key-types.ts';
import { toPem } from '../core/pem.ts';
import { verifyChain } from '../core/verify/index.ts';
import type { PeerName, Purpose } from '../core/verify/index.ts';
import { artifact, certDer, certFactsOf, linesOf, sanLabel } from './artifacts.ts';
import { problemsOf } from './texts.ts';
import type { CheckResult, CommandGroup, LabEnv, LabState, LabVars, StepDefinition } from './types.ts';

/** An empty value ("(none)"), worded when shown. */
export const NONE = { key: 'value.none' } as const;

export const KEY_TYPE_OPTIONS = [
  { value: 'ec-p256', key: 'keytype.ec-p256' },
  { value: 'rsa2048', key: 'keytype.rsa2048' },
];

export function fail(id: string, key: string, vars?: LabVars): CheckResult {
  return { id, ok: false, key, ...(vars ? { vars } : {}) };
}
export function pass(id: string, key: string, vars?: LabVars): CheckResult {
  return { id, ok: true, key, ...(vars ? { vars } : {}) };
}
export function checkOf(id: string, ok: boolean, key: string, vars?: LabVars): CheckResult {
  return { id, ok, key, ...(vars ? { vars } : {}) };
}

/** The values of a step with its field defaults filled in. */
export function valuesOf(step: StepDefinition, state: LabState): Record<string, string> {
  const saved = state.values[step.id] ?? {};
  const out: Record<string, string> = {};
  for (const f of step.fields) out[f.id] = saved[f.id] ?? (typeof f.initial === 'function' ? f.initial(state) : f.initial);
  return out;
}

// ---------------------------------------------------------------- the lab CA

export const CA_FILE = 'ca.crt';

export function caStep(defaultSubject = 'CN=workshop-ca'): StepDefinition {
  return {
    id: 'ca',
    needs: [],
    fields: [
      { id: 'ca', kind: 'ca', initial: 'new' },
      { id: 'subject', kind: 'text', initial: defaultSubject },
    ],
    shows: () => [{ name: CA_FILE, kind: 'certificate' }],
    async run({ env, values, state }) {
      const ca = values.ca && values.ca !== 'new' ? await env.getCa(values.ca) : await env.createCa(values.subject || defaultSubject, 'ec-p256');
      state.caId = ca.id;
      state.artifacts[CA_FILE] = toPem('CERTIFICATE', ca.certificate);
    },
    async check(state, env) {
      const f = certFactsOf(state, CA_FILE);
      const out = [checkOf('ca-is-ca', f.isCa && (!f.keyUsage || f.keyUsage.includes('keyCertSign')), 'check.ca-is-ca')];
      try {
        const signer = await env.signer(state.caId ?? '');
        out.push(checkOf('ca-can-sign', bytesEqual(signer.certificate, f.der), 'check.ca-can-sign'));
      } catch (e) {
        out.push(fail('ca-can-sign', 'check.ca-cannot-sign', { reason: errorMessage(e) }));
      }
      return out;
    },
    commands(state) {
      const subject = state.values.ca?.subject ?? defaultSubject;
      const slash = '/' + subject.split(/\s*,\s*/).join('/');
      return [
        {
          key: 'tool.openssl',
          commands: [
            `openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout ca.key -out ca.crt -days 3650 -subj '${slash}' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,digitalSignature,keyCertSign,cRLSign'`,
            'openssl x509 -in ca.crt -noout -text',
          ],
        },
        { key: 'tool.cfssl', commands: [`echo '{"CN":"${subject.replace(/^CN=/, '')}","key":{"algo":"ecdsa","size":256}}' > ca-csr.json`, 'cfssl gencert -initca ca-csr.json | cfssljson -bare ca'] },
      ];
    },
  };
}

export async function caCertOf(state: LabState, env: LabEnv): Promise<{ id: string; certificate: Uint8Array; chain: Uint8Array[] }> {
  const ca = await env.getCa(state.caId ?? '');
  return { id: ca.id, certificate: ca.certificate, chain: [] };
}

// ---------------------------------------------------------------- key and CSR

interface CsrDefaults {
  cn: string;
  /** Organisations (groups for client certificates). */
  o?: string[];
  sans: string[];
  usage: Usage;
  keyType: KeyType;
}

export function requestFrom(values: Record<string, string>, usage: Usage): CsrRequest {
  const subject: SubjectAttribute[] = [...linesOf(values.o).map((v) => ({ type: 'O' as const, value: v })), ...(values.cn ? [{ type: 'CN' as const, value: values.cn }] : [])];
  return { subject, sans: linesOf(values.sans), usage, keyType: (values.keyType || 'ec-p256') as KeyType };
}

export function csrFieldsFor(d: CsrDefaults, keyTypeChoice = true): StepDefinition['fields'] {
  return [
    { id: 'cn', kind: 'text', initial: d.cn },
    ...(d.o ? [{ id: 'o', kind: 'lines' as const, initial: d.o.join('\n') }] : []),
    ...(d.usage !== 'client' ? [{ id: 'sans', kind: 'lines' as const, initial: d.sans.join('\n') }] : []),
    ...(keyTypeChoice ? [{ id: 'keyType', kind: 'select' as const, initial: d.keyType, options: KEY_TYPE_OPTIONS }] : []),
  ];
}

/** Makes the key and CSR `<base>.csr`; the key stays a CryptoKey in state.keys[base]. */
export async function makeKeyAndCsr(state: LabState, base: string, request: CsrRequest): Promise<void> {
  const pair = await generateKeyPair(request.keyType, { extractable: true });
  const csr = await buildCsr(request, pair);
  state.artifacts[`${base}.csr`] = csr.pem;
  state.keys[base] = pair.privateKey;
  delete state.artifacts[`${base}.crt`];
}

export function csrCommands(base: string, request: CsrRequest): CommandGroup[] {
  const json = JSON.stringify(requestToCfssl(request));
  return [
    { key: 'tool.openssl', commands: [requestToOpensslCommand(request, { key: `${base}.key`, csr: `${base}.csr` }), `openssl req -in ${base}.csr -noout -verify -text`] },
    { key: 'tool.cfssl', commands: [`echo '${json}' > ${base}-csr.json`, `cfssl genkey ${base}-csr.json | cfssljson -bare ${base}`] },
  ];
}

/** Checks a CSR artifact: its signature verifies, and it asks for exactly what the lab needs. */
export async function csrChecks(state: LabState, base: string, want: { cn?: string; o?: string[]; sans?: string[] }): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  let request;
  try {
    request = await readVerifiedRequest(artifact(state, `${base}.csr`));
    out.push(pass('csr-signature', 'check.csr-signature'));
  } catch (e) {
    return [fail('csr-signature', 'check.csr-signature-bad', { reason: errorMessage(e) })];
  }
  if (want.cn !== undefined) {
    const cn = request.subject.filter((a) => a.type === '2.5.4.3').map((a) => a.value).join(', ');
    out.push(checkOf('csr-cn', cn === want.cn, 'check.csr-cn', { want: want.cn, got: cn || NONE }));
  }
  if (want.o) {
    const os = request.subject.filter((a) => a.type === '2.5.4.10').map((a) => a.value);
    const missing = want.o.filter((o) => !os.includes(o));
    out.push(checkOf('csr-o', missing.length === 0, 'check.csr-o', { want: want.o.join(', '), got: os.join(', ') || NONE }));
  }
  if (want.sans) {
    const have = request.subjectAltNames.map(sanLabel);
    const missing = want.sans.filter((s) => !have.includes(s));
    out.push(checkOf('csr-sans', missing.length === 0, missing.length ? 'check.csr-sans-missing' : 'check.csr-sans', { want: want.sans.join(', '), missing: missing.join(', '), got: have.join(', ') || NONE }));
  }
  return out;
}

// ---------------------------------------------------------------- signing with the lab CA

function planFor(state: LabState, base: string, profile: Profile, hours: number, ca: { id: string; certificate: Uint8Array; chain: Uint8Array[] }): IssuancePlan {
  const request = parseCertificateRequest(artifact(state, `${base}.csr`));
  return planFromRequest(request, ca, { profile, hours });
}

export async function signCsr(state: LabState, env: LabEnv, base: string, profile: Profile, hours: number): Promise<void> {
  await readVerifiedRequest(artifact(state, `${base}.csr`)); // never sign a request whose signature fails
  const ca = await caCertOf(state, env);
  const result = await env.issue(ca.id, planFor(state, base, profile, hours, ca));
  state.artifacts[`${base}.crt`] = result.pem;
}

export function signCommands(state: LabState, base: string, profile: Profile, hours: number): CommandGroup[] {
  if (!state.artifacts[`${base}.csr`] || !state.artifacts[CA_FILE]) return [];
  const caDer = certDer(state.artifacts[CA_FILE], CA_FILE);
  const plan = planFor(state, base, profile, hours, { id: state.caId ?? '', certificate: caDer, chain: [] });
  const eq = equivalentCommands(plan, { csr: `${base}.csr`, caCert: 'ca.crt', caKey: 'ca.key', out: `${base}.crt` });
  return [
    { key: 'tool.openssl', commands: [`cat > ${base}.ext <<'EOF'\n${eq.opensslExtfile}EOF`, eq.openssl, `openssl verify -CAfile ca.crt ${base}.crt`] },
    { key: 'tool.cfssl', commands: [`cat > ca-config.json <<'EOF'\n${eq.cfsslConfig}EOF`, eq.cfsslSign] },
  ];
}

/** The certificate verifies against the lab CA for this purpose (and each name), at `at`. */
export async function verifyChecks(state: LabState, base: string, purpose: Purpose, names: PeerName[], at?: Date): Promise<CheckResult[]> {
  const leaf = certDer(artifact(state, `${base}.crt`), `${base}.crt`);
  const ca = certDer(artifact(state, CA_FILE), CA_FILE);
  const out: CheckResult[] = [];
  const opts = { trusted: [ca], purpose, profile: 'rfc5280' as const, ...(at ? { at } : {}) };
  const plain = await verifyChain(leaf, opts);
  out.push(checkOf('cert-verifies', plain.ok, plain.ok ? 'check.cert-verifies' : 'check.cert-does-not-verify', { file: `${base}.crt`, problems: problemsOf(plain.problems) }));
  for (const peerName of names) {
    const r = await verifyChain(leaf, { ...opts, peerName });
    out.push(checkOf(`name-${peerName.value}`, r.ok, r.ok ? 'check.name-ok' : 'check.name-bad', { name: peerName.value, file: `${base}.crt`, problems: problemsOf(r.problems) }));
  }
  const csrPem = state.artifacts[`${base}.csr`];
  if (csrPem) {
    const request = parseCertificateRequest(csrPem);
    const f = certFactsOf(state, `${base}.crt`);
    out.push(checkOf('cert-key-is-csr-key', bytesEqual(request.subjectPublicKeyInfo, f.subjectPublicKeyInfo), 'check.cert-key-is-csr-key', { file: `${base}.crt` }));
  }
  return out;
}

export const SERVER = BUILTIN_PROFILES.server;
export const CLIENT = BUILTIN_PROFILES.client;
export const dns = (value: string): PeerName => ({ kind: 'dns', value });
export const ip = (value: string): PeerName => ({ kind: 'ip', value });
