/**
 * The Match section: keys, certificates and CSRs → which belong together, by public key (the core's
 * matchKeys), with each one's SPKI SHA-256 (the core's summary pin) — `openssl x509 -modulus | md5sum`
 * done properly, for every key type.
 */
import { fromBase64, toHex } from '../../core/bytes.ts';
import type { LocatedMessage } from '../../core/errors.ts';
import { errorText, problemOrigin } from '../i18n/core-text.svelte.ts';
import { summarize } from '../../core/summary.ts';
import type { FoundObject, ObjectKind } from '../../core/types.ts';
import { matchKeys } from '../../core/verify/index.ts';
import { PemSource } from '../kubernetes/pem-source.svelte.ts';
import { paramText, pileProblemsText, readPile } from './pile.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as verifyMessages from '../i18n/messages/verify.ts';

const t = translator(verifyMessages);

/** The three input fields; each one's name is the message `match.field.<id>` (messages/verify.ts). */
export const MATCH_FIELDS = [{ id: 'key' }, { id: 'cert' }, { id: 'csr' }] as const;

type MatchFieldId = (typeof MATCH_FIELDS)[number]['id'];

interface MatchMember {
  /** "Certificate 'www.example.com'", "Private key (EC 256 bit)" */
  title: string;
  kind: ObjectKind;
  /** Which field, and where in it: "Certificate › block 1 (CERTIFICATE)" */
  origin: string;
  /** SHA-256 of the SubjectPublicKeyInfo DER, lowercase hex as `openssl dgst -sha256` prints it. */
  spkiSha256Hex?: string;
  /** The same digest in base64 (the HPKP / pin-sha256 form). */
  spkiSha256Base64?: string;
}

interface MatchGroup {
  key: string;
  members: MatchMember[];
}

interface MatchVerdict {
  groups: MatchGroup[];
  skipped: { origin: string; said: LocatedMessage }[];
  /** Every comparable object has the same public key (and there are at least two). */
  allMatch: boolean;
  compared: number;
}

export const SPKI_COMMANDS = [
  'openssl pkey -in key.pem -pubout -outform DER | openssl dgst -sha256',
  'openssl x509 -in cert.pem -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256',
  'openssl req -in csr.pem -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256',
];

export class MatchState {
  readonly sources: Record<MatchFieldId, PemSource> = { key: new PemSource(), cert: new PemSource(), csr: new PemSource() };
  running = $state(false);
  error = $state('');
  verdict = $state.raw<MatchVerdict | undefined>(undefined);
  problems = $state.raw<string[]>([]);

  changed(): void {
    this.verdict = undefined;
    this.error = '';
    this.problems = [];
  }

  /** Never throws. */
  async compare(): Promise<void> {
    this.changed();
    const objects: FoundObject[] = [];
    const problems: string[] = [];
    for (const f of MATCH_FIELDS) {
      const src = this.sources[f.id];
      const label = t(`match.field.${f.id}`);
      const pile = readPile(src.input, label);
      for (const o of pile.objects) objects.push({ ...o, origin: `${label} › ${problemOrigin(o)}` });
      for (const p of pile.problems) problems.push(`${label}: ${pileProblemsText([p])}`);
    }
    this.problems = problems;
    if (!objects.length) {
      this.error = t('match.pasteFirst');
      return;
    }
    this.running = true;
    try {
      const report = matchKeys(objects);
      const members = await Promise.all(
        objects.map(async (obj): Promise<MatchMember> => {
          const s = await summarize(obj);
          const title = obj.kind === 'certificate' || obj.kind === 'csr' ? t(s.kind === 'csr' ? 'match.csrTitle' : 'match.certificateTitle', { title: s.title }) : s.title;
          const m: MatchMember = { title, kind: obj.kind, origin: obj.origin };
          if (s.spkiSha256) {
            m.spkiSha256Base64 = s.spkiSha256;
            m.spkiSha256Hex = toHex(fromBase64(s.spkiSha256));
          }
          return m;
        }),
      );
      const groups = report.groups.map((g) => ({ key: paramText(g.key.description), members: g.members.map((m) => members[m.index]!) }));
      const compared = groups.reduce((n, g) => n + g.members.length, 0);
      this.verdict = { groups, skipped: report.skipped.map((s) => ({ origin: s.origin, said: s.said })), allMatch: report.allMatch && compared > 1, compared };
    } catch (e) {
      this.error = errorText(e);
    } finally {
      this.running = false;
    }
  }
}
