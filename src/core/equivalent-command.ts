/**
 * One step of "the same thing with the tools you know": a command line to run, or a file to save
 * first (then `fileName` is set and `text` is the file's content). The UI shows a list of these with
 * a copy button each; tests run them.
 */
import { CertbenchError, msg, render, type CoreMessage } from './errors.ts';
import { joinIn, type Locale } from './i18n/locales.ts';
import { visibleText } from './text/visible.ts';

export type CommandTool = 'openssl' | 'cfssl' | 'kubectl';

export interface EquivalentStep {
  tool: CommandTool;
  /** What the step does, in a few words. */
  title: CoreMessage;
  /** The command line, or the file content when fileName is set. */
  text: string;
  fileName?: string;
  /** Where the tool differs from certbench, said plainly (one sentence each). */
  notes?: readonly CoreMessage[];
}

/** A step's title in `locale` (English, as the CLI prints it, by default). */
export function stepTitle(step: EquivalentStep, locale: Locale = 'en'): string {
  return render(step.title, locale);
}

/** A step's notes in `locale`, one paragraph ('' when it has none). */
export function stepNotes(step: EquivalentStep, locale: Locale = 'en'): string {
  return joinIn(locale, 'sentences', (step.notes ?? []).map((n) => render(n, locale)));
}

/** Quotes a word for sh when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function shellLine(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Values in openssl's config syntax (extfiles, `-addext`). OpenSSL 3.0's NCONF reader, measured:
// `#` starts a comment, `$` expands a variable, `"` and `'` quote, `\` escapes the next character
// (each of these is written with a backslash and read back as itself); spaces at either end are
// dropped and a line ends at a newline, so neither can be written. In a comma list
// (`subjectAltName = DNS:a,IP:b`, `-addext`) a comma always separates, escaped or not.

/** The SAN kinds openssl's config names: `DNS.1 = …`, `IP.1 = …`, `email.1 = …`, `URI.1 = …`. */
type OpensslSanType = 'DNS' | 'IP' | 'email' | 'URI';

export interface OpensslSan {
  type: OpensslSanType;
  value: string;
}

const SAN_WORDS: Record<OpensslSanType, string> = { DNS: 'DNS name', IP: 'IP address', email: 'email address', URI: 'URI' };

function refuse(what: string, value: string, why: string): never {
  throw new CertbenchError('commands.unsafeValue', { what, value: visibleText(value), why }, msg('where.opensslConfig'));
}

function characterName(c: string): string {
  const cp = c.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `value` written as one value of an openssl config line, or a CertbenchError naming it: printable
 * ASCII only (a control character, a newline or anything beyond ASCII is refused), no space at
 * either end, `\ $ # " '` escaped with a backslash.
 */
export function opensslConfValue(value: string, what: string): string {
  if (value === '') refuse(what, value, 'is empty');
  const bad = [...value].find((c) => !/^[\x20-\x7e]$/.test(c));
  if (bad !== undefined) refuse(what, value, `has ${characterName(bad)}, which an openssl config line cannot hold (printable ASCII only)`);
  if (value !== value.trim()) refuse(what, value, 'starts or ends with a space, which openssl\'s config reader drops');
  return value.replace(/[\\$#"']/g, '\\$&');
}

/** `value` as one item of a comma-separated openssl list (`-addext subjectAltName=…`, nameConstraints): no comma either. */
export function opensslListValue(value: string, what: string): string {
  if (value.includes(',')) refuse(what, value, 'has a comma, which openssl reads as the start of another entry in a comma-separated list');
  return opensslConfValue(value, what);
}

function sanValue(san: OpensslSan, list: boolean): string {
  const what = SAN_WORDS[san.type];
  // openssl reads these two email values as instructions (copy or move the subject's emailAddress).
  if (san.type === 'email' && (san.value === 'copy' || san.value === 'move')) refuse(what, san.value, 'is a word openssl reads as an instruction, not as an address');
  return list ? opensslListValue(san.value, what) : opensslConfValue(san.value, what);
}

/**
 * SANs for an extfile: `subjectAltName = @alt_names` and an `[alt_names]` section with one
 * `DNS.n = …` / `IP.n = …` / `email.n = …` / `URI.n = …` per line, in order, so no value can add
 * another name. Put `section` after every line of the default section.
 */
export function opensslAltNames(sans: readonly OpensslSan[]): { line: string; section: string[] } {
  const counts: Partial<Record<OpensslSanType, number>> = {};
  const lines = sans.map((s) => {
    const n = (counts[s.type] = (counts[s.type] ?? 0) + 1);
    return `${s.type}.${n} = ${sanValue(s, false)}`;
  });
  return { line: 'subjectAltName = @alt_names', section: ['[alt_names]', ...lines] };
}

/** SANs as the comma list of `-addext subjectAltName=…` (`DNS:a,IP:10.0.0.1`), refusing what would split or change it. */
export function opensslSanList(sans: readonly OpensslSan[]): string {
  return sans.map((s) => `${s.type}:${sanValue(s, true)}`).join(',');
}
