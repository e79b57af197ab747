// Revocation and CRL commands certbench shows, run with openssl ca: with the shown ca.cnf, index.txt
// and crlnumber, `openssl ca -gencrl` must list the same serials, reasons and revocation dates as
// certbench's CRL; starting from all-valid lines, the shown `openssl ca -revoke` commands must lead to
// the same serials and reasons.
import { describe, expect, it } from 'vitest';
import { stepNotes } from '../../src/core/equivalent-command.ts';
import { createRootCa } from '../../src/core/ca/create.ts';
import { crlCommands, opensslRevokeCommand } from '../../src/core/ca/crl-commands.ts';
import { buildCrl } from '../../src/core/ca/crl.ts';
import { readVerifiedRequest } from '../../src/core/ca/csr.ts';
import { revokeEntry } from '../../src/core/ca/inventory.ts';
import { issueFromPlan, planFromRequest } from '../../src/core/ca/issue.ts';
import { BUILTIN_PROFILES } from '../../src/core/ca/profiles.ts';
import type { IssuedCertificate, RevocationReason } from '../../src/core/ca/types.ts';
import type { EquivalentStep } from '../../src/core/equivalent-command.ts';
import { exportPrivateKeyPem } from '../../src/core/keys/export.ts';
import { keyAlgorithmOf, type KeyType } from '../../src/core/keys/key-types.ts';
import { toPem } from '../../src/core/pem.ts';
import { put, read, runSteps, sh, tempDir } from './commands.helper.ts';

interface Setup {
  dir: string;
  ca: Awaited<ReturnType<typeof createRootCa>>;
  issued: IssuedCertificate[];
}

async function setup(keyType: KeyType, count: number): Promise<Setup> {
  const dir = tempDir('crl');
  const ca = await createRootCa({ keyType, subject: `O=certbench, CN=CRL test ${keyType}`, days: 30 });
  put(dir, 'ca.crt', toPem('CERTIFICATE', ca.certificate));
  put(dir, 'ca.key', await exportPrivateKeyPem(ca.key));
  const issued: IssuedCertificate[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    sh(dir, `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout leaf${i}.key -out leaf${i}.csr -subj /CN=leaf${i}.example`);
    const request = await readVerifiedRequest(read(dir, `leaf${i}.csr`));
    const r = await issueFromPlan(planFromRequest(request, ca, { profile: BUILTIN_PROFILES.server }), ca, taken);
    taken.add(r.entry.serialHex);
    put(dir, `${r.entry.serialHex}.crt`, r.pem);
    issued.push(r.entry);
  }
  return { dir, ca, issued };
}

/**
 * The CRL's revoked entries as openssl prints them (serial, date, reason; dates masked when asked),
 * sorted by serial: openssl ca sorts its entries, certbench keeps the inventory's order.
 */
function revokedList(dir: string, file: string, maskDates = false): string {
  const text = sh(dir, `openssl crl -in ${file} -noout -text`);
  const start = text.indexOf('Revoked Certificates:');
  const list = text.slice(start, text.indexOf('    Signature Algorithm:', start));
  const entries = list.split(/\n(?= {4}Serial Number:)/).slice(1).map((e) => e.trimEnd()).sort();
  const out = entries.join('\n');
  return maskDates ? out.replace(/Revocation Date: .*/g, 'Revocation Date: <date>') : out;
}

/** Everything in the CRL's text but the update times and signature bytes. */
function crlHeader(dir: string, file: string): string {
  const text = sh(dir, `openssl crl -in ${file} -noout -text`);
  return text.slice(0, text.indexOf('Revoked Certificates:')).replace(/(Last|Next) Update: .*/g, '$1 Update: <date>');
}

const REASONS: RevocationReason[] = ['keyCompromise', 'unspecified', 'cACompromise', 'superseded', 'affiliationChanged', 'cessationOfOperation', 'certificateHold', 'removeFromCRL'];

describe('openssl ca -gencrl with the shown config, index.txt and crlnumber', () => {
  for (const keyType of ['ec-p256', 'ec-p384', 'rsa2048', 'ed25519'] as KeyType[]) {
    it(`${keyType}: same issuer, CRL number, AKI, serials, dates and reasons`, async () => {
      const { dir, ca, issued } = await setup(keyType, keyType === 'ec-p256' ? REASONS.length + 1 : 3);
      // Revoke all but the last, each with its own reason and a distinct time.
      const rows = issued.map((e, i) => (i < issued.length - 1 ? revokeEntry(e, REASONS[i % REASONS.length], new Date(Date.UTC(2026, 0, 1 + i, 12, 0, i))) : e));
      const crlNumber = 0x1a2;
      const ours = await buildCrl(ca, rows, { crlNumber, days: 7 });
      put(dir, 'certbench.crl.pem', ours.pem);
      const steps = crlCommands(rows, { base: 'ca', keyAlgorithm: keyAlgorithmOf(keyType), crlNumber, days: 7 });
      runSteps(dir, steps.filter((s) => !s.text.includes(' -revoke ')));
      expect(revokedList(dir, 'ca.crl.pem')).toBe(revokedList(dir, 'certbench.crl.pem'));
      expect(revokedList(dir, 'ca.crl.pem')).toContain('Key Compromise');
      expect(crlHeader(dir, 'ca.crl.pem')).toBe(crlHeader(dir, 'certbench.crl.pem'));
      expect(sh(dir, 'openssl crl -in ca.crl.pem -noout -crlnumber').trim()).toBe('crlNumber=0x01A2');
      // openssl's own CRL verifies against the CA, and its nextUpdate is 7 days on.
      expect(sh(dir, 'openssl crl -in ca.crl.pem -noout -CAfile ca.crt 2>&1')).toMatch(/verify OK/);
    });
  }

  it('no revocations: an empty CRL either way', async () => {
    const { dir, ca, issued } = await setup('ec-p256', 1);
    put(dir, 'certbench.crl.pem', (await buildCrl(ca, issued, { crlNumber: 1 })).pem);
    runSteps(dir, crlCommands(issued, { base: 'ca', keyAlgorithm: keyAlgorithmOf('ec-p256'), crlNumber: 1 }));
    for (const f of ['ca.crl.pem', 'certbench.crl.pem']) expect(sh(dir, `openssl crl -in ${f} -noout -text`)).toContain('No Revoked Certificates.');
    const head = (f: string) => sh(dir, `openssl crl -in ${f} -noout -text`).split('No Revoked Certificates.')[0]!.replace(/(Last|Next) Update: .*/g, '$1 Update: <date>');
    expect(head('ca.crl.pem')).toBe(head('certbench.crl.pem'));
  });
});

describe('openssl ca -revoke as shown, from all-valid index lines', () => {
  it('leads to a CRL with the same serials and reasons', async () => {
    const { dir, ca, issued } = await setup('ec-p256', REASONS.length + 1);
    const rows = issued.map((e, i) => (i < REASONS.length ? revokeEntry(e, REASONS[i]!) : e));
    const steps = crlCommands(rows, { base: 'ca', keyAlgorithm: keyAlgorithmOf('ec-p256'), crlNumber: 5 });
    const revokeSteps = steps.filter((s) => s.text.includes(' -revoke '));
    expect(revokeSteps.length).toBe(REASONS.length);
    // The database as it was before the revocations: the same inventory, all valid.
    const before = crlCommands(issued, { base: 'ca', keyAlgorithm: keyAlgorithmOf('ec-p256'), crlNumber: 5 });
    runSteps(dir, before.filter((s): s is EquivalentStep & { fileName: string } => !!s.fileName));
    expect(read(dir, 'index.txt')).not.toMatch(/^R/m);
    runSteps(dir, revokeSteps);
    runSteps(dir, steps.filter((s) => s.text.includes(' -gencrl ')));
    put(dir, 'certbench.crl.pem', (await buildCrl(ca, rows, { crlNumber: 5 })).pem);
    // openssl ca -revoke -crl_hold adds a Hold Instruction Code entry extension; the step's note says so.
    const holdSerial = rows[REASONS.indexOf('certificateHold')]!.serialHex.toUpperCase();
    const opensslList = revokedList(dir, 'ca.crl.pem', true);
    expect(opensslList).toContain(`${holdSerial}\n        Revocation Date: <date>\n        CRL entry extensions:\n            X509v3 CRL Reason Code: \n                Certificate Hold\n            Hold Instruction Code: \n                Hold Instruction Reject`);
    expect(stepNotes(revokeSteps.find((s) => s.text.includes('-crl_hold'))!)).toContain('Hold Instruction Code');
    expect(opensslList.replace(/\n {12}Hold Instruction Code: \n {16}Hold Instruction Reject/, '')).toBe(revokedList(dir, 'certbench.crl.pem', true));
  });

  it('the command names the certificate file and the reason in openssl\'s spelling', () => {
    expect(opensslRevokeCommand({ serialHex: '0a1b' }, 'cACompromise')).toBe('openssl ca -config ca.cnf -revoke 0a1b.crt -crl_reason CACompromise');
    expect(opensslRevokeCommand({ serialHex: '0a1b' })).toBe('openssl ca -config ca.cnf -revoke 0a1b.crt');
  });
});

describe('reasons openssl ca cannot write as certbench does', () => {
  it('privilegeWithdrawn is listed without a reason, and the step says so; certificateHold is written as certbench writes it', async () => {
    const { dir, issued } = await setup('ec-p256', 2);
    const rows = [revokeEntry(issued[0]!, 'privilegeWithdrawn'), revokeEntry(issued[1]!, 'certificateHold')];
    const steps = crlCommands(rows, { base: 'ca', keyAlgorithm: keyAlgorithmOf('ec-p256'), crlNumber: 1 });
    const gencrl = steps.find((s) => s.text.includes(' -gencrl '))!;
    expect(stepNotes(gencrl)).toContain('no name for privilegeWithdrawn');
    expect(stepNotes(gencrl)).not.toContain('certificateHold');
    runSteps(dir, steps.filter((s) => !s.text.includes(' -revoke ')));
    const list = revokedList(dir, 'ca.crl.pem');
    const withdrawn = list.split('\n    Serial').find((e) => e.includes(issued[0]!.serialHex.toUpperCase()))!;
    expect(withdrawn.trim().split('\n')).toHaveLength(2); // serial and date: no entry extensions
    expect(list).not.toContain('Privilege Withdrawn');
    expect(list).toContain('Certificate Hold');
    expect(list).not.toContain('Hold Instruction');
  });

  it('cfssl gets the revoked serials in decimal', async () => {
    const { issued } = await setup('ec-p256', 1);
    const steps = crlCommands([revokeEntry(issued[0]!, 'superseded')], { base: 'ca', keyAlgorithm: { family: 'ed25519' }, crlNumber: 1 });
    expect(steps.find((s) => s.fileName === 'revoked-serials.txt')!.text).toBe(`${BigInt(`0x${issued[0]!.serialHex}`)}\n`);
  });
});
