// The CA state log (src/core/ca/state-log.ts), on its own: what a sealed chain shows, and what an
// unsealed one cannot.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, type CreatedCa } from '../../src/core/ca/create.ts';
import { revokeEntry } from '../../src/core/ca/inventory.ts';
import {
  appendStateEntry,
  checkCaState,
  deriveStateLogKey,
  describeStateProblem,
  entryHash,
  newStateLogSeal,
  verifyStateLog,
  type CaState,
  type StateLogEntry,
} from '../../src/core/ca/state-log.ts';
import type { IssuedCertificate } from '../../src/core/ca/types.ts';
import { render } from '../../src/core/errors.ts';
import { opensslCsr, signCsrFile } from './ca-oracle.helper.ts';

let ca: CreatedCa;
let rows: IssuedCertificate[];
let key: CryptoKey;
let log: StateLogEntry[];
let state: CaState;

beforeAll(async () => {
  ca = await createRootCa({ subject: '/CN=state log', keyType: 'ec-p256', days: 3 });
  const { csrPath } = opensslCsr('state-log', 'ec-p256', '/CN=state-log', ['DNS:state.test']);
  const a = (await signCsrFile(ca, csrPath, 'server')).entry;
  const b = (await signCsrFile(ca, csrPath, 'server', new Set([a.serialHex]))).entry;
  const revoked = revokeEntry(b, 'keyCompromise');
  rows = [a, revoked];
  key = await deriveStateLogKey('a passphrase of some length', newStateLogSeal());
  log = [];
  for (const fact of [
    { op: 'init', certificate: ca.certificate, chain: ca.chain },
    { op: 'issue', entry: a },
    { op: 'issue', entry: b },
    { op: 'revoke', entry: revoked },
    { op: 'crl', number: 1, der: new Uint8Array([1, 2, 3]) },
  ] as const) log.push(await appendStateEntry(log, fact, key));
  state = { caId: ca.id, certificate: ca.certificate, chain: ca.chain, crlNumber: 1, issued: rows };
});

const kinds = async (l: readonly unknown[], k: CryptoKey | null, s: CaState) => (await checkCaState(l, k, s)).map((p) => p.kind);

describe('CA state log', () => {
  it('a sealed log and the state it describes agree', async () => {
    expect(await checkCaState(log, key, state)).toEqual([]);
    expect(log.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(log[3]!.time).toBe(rows[1]!.revokedAt);
  });

  it('any edited entry breaks its seal and the chain after it; a removed entry shows', async () => {
    const edited = log.map((e) => (e.op === 'revoke' ? { ...e, reason: 'superseded' as const } : e));
    expect(await kinds(edited, key, state)).toEqual(expect.arrayContaining(['seal-invalid', 'chain-broken', 'revocation-changed']));
    const removed = log.filter((e) => e.op !== 'revoke');
    expect(await kinds(removed, key, state)).toEqual(expect.arrayContaining(['entry-out-of-order', 'chain-broken', 'revocation-added']));
  });

  it('another passphrase opens no seal', async () => {
    const other = await deriveStateLogKey('another passphrase entirely', newStateLogSeal());
    expect((await verifyStateLog(log, other)).map((p) => p.kind)).toEqual(Array(5).fill('seal-invalid'));
  });

  it('names what changed in the state: removed, added, un-revoked rows, CRL number, CA certificate', async () => {
    const other = await createRootCa({ subject: '/CN=other', keyType: 'ec-p256', days: 3 });
    const changed: CaState = {
      ...state,
      certificate: other.certificate,
      crlNumber: 0,
      issued: [{ ...rows[1]!, status: 'valid', revokedAt: undefined, revocationReason: undefined } as IssuedCertificate, { ...rows[0]!, serialHex: 'abcd' }],
    };
    expect(await checkCaState(log, key, changed)).toEqual(
      expect.arrayContaining([
        { kind: 'ca-certificate', recorded: ca.id, found: other.id },
        { kind: 'crl-number', recorded: 1, found: 0 },
        { kind: 'unrevoked', serial: rows[1]!.serialHex, revokedAt: rows[1]!.revokedAt, reason: 'keyCompromise' },
        { kind: 'row-added', serial: 'abcd' },
        { kind: 'row-removed', serial: rows[0]!.serialHex },
      ]),
    );
  });

  it('an unsealed log shows accidental edits only: whoever rewrites it whole is not caught', async () => {
    const plain: StateLogEntry[] = [];
    for (const fact of [{ op: 'init', certificate: ca.certificate, chain: ca.chain }, { op: 'issue', entry: rows[0]! }] as const) plain.push(await appendStateEntry(plain, fact, null));
    const plainState = { ...state, crlNumber: 0, issued: [rows[0]!] };
    expect(await checkCaState(plain, null, plainState)).toEqual([]);
    expect(await kinds([plain[0], { ...plain[1]!, profile: 'client' }], null, plainState)).toEqual(['row-fields']);
    const forged = [plain[0]!, { ...plain[1]!, profile: 'client', prev: await entryHash(plain[0]!) }];
    expect(await checkCaState(forged, null, { ...plainState, issued: [{ ...rows[0]!, profile: 'client' }] })).toEqual([]);
    // A sealed log checked without its key says so (the CLI requires the key whenever ca.key is encrypted).
    expect(await kinds(log, null, state)).toEqual(['seal-unexpected']);
  });

  it('what the replay cannot accept is a message: English for the CLI, worded in every language for the browser', async () => {
    // Entries re-sealed after the change, so only the replay objects: an issuance twice, a CRL number that goes back.
    const replayed: StateLogEntry[] = [];
    for (const fact of [
      { op: 'init', certificate: ca.certificate, chain: ca.chain },
      { op: 'issue', entry: rows[0]! },
      { op: 'issue', entry: rows[0]! },
      { op: 'crl', number: 2, der: new Uint8Array([1]) },
      { op: 'crl', number: 1, der: new Uint8Array([2]) },
    ] as const) replayed.push(await appendStateEntry(replayed, fact, key));
    const problems = (await checkCaState(replayed, key, { ...state, crlNumber: 2, issued: [rows[0]!] })).filter((p) => p.kind === 'replay');
    const serial = rows[0]!.serialHex;
    expect(problems.map(describeStateProblem)).toEqual([`log entry 2: serial ${serial} issued twice`, 'log entry 4: CRL number 1 after 2']);
    const details = problems.map((p) => (p.kind === 'replay' ? p.detail : undefined)!);
    expect(details.map((d) => render(d, 'de'))).toEqual([`Seriennummer ${serial} zweimal ausgestellt`, 'CRL-Nummer 1 nach 2']);
    expect(details.map((d) => render(d, 'ja'))).toEqual([`シリアル番号 ${serial} が 2 回発行されています`, 'CRL 番号 2 の後に CRL 番号 1 があります']);
    expect(details.map((d) => render(d, 'zh'))).toEqual([`序列号 ${serial} 被签发了两次`, 'CRL 编号 2 之后出现了 CRL 编号 1']);
  });
});
