/**
 * Revocation and CRLs with `openssl ca`. openssl's ca keeps its own database (index.txt, one line
 * per issued certificate), so the honest equivalent of certbench's inventory is that database built
 * from the inventory, a minimal config naming it, and `openssl ca -gencrl`. cfssl's `gencrl` takes
 * bare serial numbers and writes no reasons.
 */
import { certificateFacts } from '../cert/read.ts';
import { formatSubjOption } from '../cert/name.ts';
import { msg, type CoreMessage } from '../errors.ts';
import { shellLine, type EquivalentStep } from '../equivalent-command.ts';
import { opensslDigestName } from '../keys/commands.ts';
import type { KeyAlgorithm } from '../keys/key-types.ts';
import { visibleText } from '../text/visible.ts';
import type { IssuedCertificate, RevocationReason } from './types.ts';

interface CrlCommandOptions {
  /** File base of the CA: `<base>.crt`, `<base>.key` (cfssl: `<base>.pem`, `<base>-key.pem`). */
  base: string;
  /** The CA's key: it decides the digest. */
  keyAlgorithm: KeyAlgorithm;
  /** The CRL number the CRL gets. */
  crlNumber: number;
  /** Days until nextUpdate; default 30. */
  days?: number;
}

/** openssl ca's names for the reasons it can write (apps/ca.c); RFC 5280's cACompromise is spelled CACompromise there. */
const OPENSSL_REASON: Partial<Record<RevocationReason, string>> = {
  keyCompromise: 'keyCompromise',
  cACompromise: 'CACompromise',
  affiliationChanged: 'affiliationChanged',
  superseded: 'superseded',
  cessationOfOperation: 'cessationOfOperation',
  certificateHold: 'certificateHold',
  removeFromCRL: 'removeFromCRL',
};

/** index.txt time: UTCTime YYMMDDHHMMSSZ before 2050, GeneralizedTime from then on (as in certificates). */
function indexTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  const y = d.getUTCFullYear();
  return y >= 1950 && y < 2050 ? `${p(y % 100)}${rest}` : `${y}${rest}`;
}

/** openssl writes serials in index.txt as uppercase hex of whole bytes. */
function indexSerial(serialHex: string): string {
  const h = serialHex.toUpperCase();
  return h.length % 2 ? `0${h}` : h;
}

/** The reason field openssl ca records and reads back: absent for unspecified (certbench omits that reason code too). */
function revocationField(e: IssuedCertificate): string {
  const when = indexTime(e.revokedAt ?? new Date().toISOString());
  const reason = e.revocationReason && OPENSSL_REASON[e.revocationReason];
  if (!reason) return when;
  // openssl ca reads certificateHold only with a hold instruction; -gencrl writes just the reason code (measured with 3.0).
  return reason === 'certificateHold' ? `${when},certificateHold,holdInstructionReject` : `${when},${reason}`;
}

/** openssl ca's database, one tab-separated line per inventory row (status, expiry, revocation, serial, file, subject). */
export function opensslCaIndex(entries: readonly IssuedCertificate[]): string {
  return entries
    .map((e) => {
      // A tab or newline in a name would split the row or add one: controls are written as escapes (openssl's own index does the same).
      const subject = visibleText(formatSubjOption(certificateFacts(e.der, `serial ${e.serialHex}`).subject));
      const revoked = e.status === 'revoked';
      return [revoked ? 'R' : 'V', indexTime(e.notAfter), revoked ? revocationField(e) : '', indexSerial(e.serialHex), 'unknown', subject].join('\t');
    })
    .join('\n') + (entries.length ? '\n' : '');
}

/** A minimal openssl ca config: just enough for -revoke and -gencrl in the current directory. */
export function opensslCaConfig(options: CrlCommandOptions): string {
  return [
    '[ ca ]',
    'default_ca = certbench_ca',
    '',
    '[ certbench_ca ]',
    'database = index.txt',
    'crlnumber = crlnumber',
    `certificate = ${options.base}.crt`,
    `private_key = ${options.base}.key`,
    'new_certs_dir = .',
    'unique_subject = no',
    `default_md = ${opensslDigestName(options.keyAlgorithm) ?? 'default'}`,
    `default_crl_days = ${options.days ?? 30}`,
    'crl_extensions = crl_ext',
    '',
    '[ crl_ext ]',
    'authorityKeyIdentifier = keyid:always',
    '',
  ].join('\n');
}

/** `openssl ca -revoke`: what turns a certificate's V line in index.txt into the R line certbench's revocation matches. */
export function opensslRevokeCommand(entry: Pick<IssuedCertificate, 'serialHex'>, reason: RevocationReason = 'unspecified', configFile = 'ca.cnf'): string {
  const r = OPENSSL_REASON[reason];
  const words = ['openssl', 'ca', '-config', configFile, '-revoke', `${entry.serialHex}.crt`];
  if (r === 'certificateHold') words.push('-crl_hold', 'holdInstructionReject');
  else if (r) words.push('-crl_reason', r);
  return shellLine(words);
}

function hexNumber(n: number): string {
  const h = n.toString(16).toUpperCase();
  return h.length % 2 ? `0${h}` : h;
}

/** Reasons openssl ca cannot write, said plainly. */
function reasonNotes(revoked: readonly IssuedCertificate[]): CoreMessage[] {
  const unwritable = revoked.filter((e) => e.revocationReason && e.revocationReason !== 'unspecified' && !OPENSSL_REASON[e.revocationReason]);
  if (!unwritable.length) return [];
  return [msg('step.note.crlReasons', { reasons: [...new Set(unwritable.map((e) => e.revocationReason))].join(', '), serials: unwritable.map((e) => e.serialHex).join(', ') })];
}

/** The whole openssl ca set for this CA's inventory, then cfssl's gencrl. */
export function crlCommands(entries: readonly IssuedCertificate[], options: CrlCommandOptions): EquivalentStep[] {
  const days = options.days ?? 30;
  const revoked = entries.filter((e) => e.status === 'revoked');
  const notes = reasonNotes(revoked);
  const steps: EquivalentStep[] = [
    { tool: 'openssl', title: msg('step.crl.config'), fileName: 'ca.cnf', text: opensslCaConfig(options) },
    {
      tool: 'openssl',
      title: msg('step.crl.index'),
      fileName: 'index.txt',
      text: opensslCaIndex(entries),
      notes: [msg('step.note.crlIndex')],
    },
    { tool: 'openssl', title: msg('step.crl.number'), fileName: 'crlnumber', text: `${hexNumber(options.crlNumber)}\n` },
  ];
  for (const e of revoked) {
    steps.push({
      tool: 'openssl',
      title: msg('step.crl.revoke', { serial: e.serialHex }),
      text: opensslRevokeCommand(e, e.revocationReason),
      notes: [msg('step.note.crlRevoke'), ...(e.revocationReason === 'certificateHold' ? [msg('step.note.crlHold')] : [])],
    });
  }
  steps.push({
    tool: 'openssl',
    title: msg('step.crl.sign'),
    text: shellLine(['openssl', 'ca', '-config', 'ca.cnf', '-gencrl', '-crldays', String(days), '-out', `${options.base}.crl.pem`]),
    ...(notes.length ? { notes } : {}),
  });
  steps.push(
    { tool: 'cfssl', title: msg('step.crl.cfsslSerials'), fileName: 'revoked-serials.txt', text: revoked.map((e) => `${BigInt(`0x${e.serialHex}`)}\n`).join('') },
    {
      tool: 'cfssl',
      title: msg('step.crl.cfssl'),
      text: `cfssl gencrl revoked-serials.txt ${shellLine([`${options.base}.pem`, `${options.base}-key.pem`])} ${days * 86400} | base64 -d | openssl crl -inform DER -out ${shellLine([`${options.base}.crl.pem`])}`,
      notes: [msg('step.note.cfsslGencrl')],
    },
  );
  return steps;
}
