/**
 * The shapes of a guided lab: definitions are data (texts live in labs.en.ts under stable keys),
 * each step's action and check are functions over the core, so they run in Node tests as they do
 * in the browser. Nothing here touches the DOM or IndexedDB: storage comes in through LabEnv.
 */
import type { IssuancePlan, IssuedResult } from '../core/ca/issue.ts';
import type { CaSigner, IssuedCertificate } from '../core/ca/types.ts';
import type { LocatedMessage } from '../core/errors.ts';
import type { Joins } from '../core/i18n/locales.ts';
import type { KeyType } from '../core/keys/key-types.ts';
import type { LabTextKey } from './labs.en.ts';

export type LabId = 'registry' | 'service-pod' | 'apiserver' | 'expiry' | 'hard-way';

/** A CA the labs can sign with (in the browser: the workshop's CaStore). */
export interface LabCaInfo {
  id: string;
  /** OpenSSL one-line subject. */
  name: string;
  certificate: Uint8Array;
}

/** Where lab CAs live and how they sign: the browser passes the workshop CaStore, tests an in-memory one. */
export interface LabEnv {
  listCas(): Promise<LabCaInfo[]>;
  createCa(subject: string, keyType: KeyType): Promise<LabCaInfo>;
  getCa(id: string): Promise<LabCaInfo>;
  /** Signs the plan and records it in the CA's inventory. */
  issue(caId: string, plan: IssuancePlan): Promise<IssuedResult>;
  issued(caId: string, serialHex: string): Promise<IssuedCertificate>;
  signer(caId: string): Promise<CaSigner>;
}

/**
 * Everything a lab keeps between visits. Artifacts are text (PEM, YAML, tables); private keys are
 * CryptoKeys, kept by structured clone in IndexedDB the way the CA store keeps browser-held keys,
 * never as PEM text.
 */
export interface LabState {
  labId: LabId;
  /** Steps whose check passed, in the order they were done. */
  done: string[];
  /** What the person typed in each step's fields. */
  values: Record<string, Record<string, string>>;
  /** File name → text ("registry.csr", "registry-tls.yaml"). */
  artifacts: Record<string, string>;
  /** Artifact name of the certificate/CSR it belongs to → private key. */
  keys: Record<string, CryptoKey>;
  /** Last check results per step. */
  checks: Record<string, CheckResult[]>;
  caId?: string;
  updatedAt: string;
}

/** One check: a stable id (for translations and tests), whether it passed, and why, with values. */
export interface CheckResult {
  id: string;
  ok: boolean;
  /** The text key in labs.en.ts and the values to fill in. */
  key: string;
  vars?: LabVars;
}

type FieldKind = 'text' | 'lines' | 'select' | 'ca' | 'datetime' | 'number';

interface FieldDef {
  id: string;
  kind: FieldKind;
  /** Default value; for 'lines' one entry per line. */
  initial: string | ((state: LabState) => string);
  /** For 'select': value → text key. */
  options?: { value: string; key: string }[];
}

export type ArtifactKind = 'certificate' | 'csr' | 'yaml' | 'text';

export interface ArtifactDef {
  name: string;
  kind: ArtifactKind;
}

export interface CommandGroup {
  /** Text key of the heading ('tool.openssl', 'tool.cfssl', 'tool.kubectl'). */
  key: string;
  commands: string[];
}

export interface StepContext {
  env: LabEnv;
  /** The step's field values (defaults filled in). */
  values: Record<string, string>;
  /** A working copy: the action writes artifacts, keys and caId into it. */
  state: LabState;
  /**
   * Files handed to the person once, right after the action, and never written into the state
   * (which is stored): private keys as PEM and the kubeconfigs that embed them. File name → text.
   */
  offered: Record<string, string>;
}

export interface StepDefinition {
  id: string;
  fields: FieldDef[];
  /** Artifacts that earlier steps must have made first. */
  needs: string[];
  /** The artifacts this step shows (those present). */
  shows: (state: LabState) => ArtifactDef[];
  /**
   * The private keys this step makes (bases in LabState.keys), offered for download as
   * `<base>.key` — the name its commands use — exported from the kept CryptoKey when asked.
   */
  keys?: string[];
  run(ctx: StepContext): Promise<void>;
  check(state: LabState, env: LabEnv): Promise<CheckResult[]>;
  /** The same thing done with openssl / cfssl / kubectl, with the person's actual values. */
  commands(state: LabState): CommandGroup[];
  /** An ordered explanation computed from the actual artifacts (the handshake, what breaks). */
  explain?(state: LabState): Promise<TextItem[]>;
  /** A table computed from the artifacts (header text keys, then rows of plain values). */
  table?(state: LabState): { columns: string[]; rows: string[][] } | undefined;
}

/** A text key and the values to fill into it. */
export interface TextItem {
  key: LabTextKey;
  vars?: LabVars;
}

/**
 * A value filled into a lab text: a name, number or file as it is, or words — a lab text, or a core
 * message (a verify problem, a caught error) — worded when shown, in the reader's language. Several
 * strung together as that language does (LOCALE_INFO.joins), or 'entries': separated by ' | ' in every language.
 */
export type LabVar = string | TextItem | LocatedMessage | LabVarList;
export interface LabVarList {
  readonly join: keyof Joins | 'entries';
  readonly parts: readonly LabVar[];
}
export type LabVars = Readonly<Record<string, LabVar>>;

export interface LabDefinition {
  id: LabId;
  steps: StepDefinition[];
}
