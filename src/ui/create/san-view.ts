/** The SAN list as Create shows it: each entry with the type it was read as, its encoded form, or what is wrong. */
import { CertbenchError } from '../../core/errors.ts';
import { coreText, errorText } from '../i18n/core-text.svelte.ts';
import { parseSan, sanListEntries, sanOpensslText, type SanType } from '../../core/csr/san.ts';

export interface SanView {
  /** As typed. */
  entry: string;
  /** The line of the list it is on, from 1 (a problem names it). */
  line: number;
  type?: SanType;
  /** How it goes into the CSR, when that differs from what was typed: punycode for an IDN, OpenSSL's IPv6 form. */
  encodedAs?: string;
  problem?: string;
}

/** The message without the `SAN "…": ` prefix: it is shown right beside the entry. */
function bareMessage(e: unknown): string {
  if (e instanceof CertbenchError) return coreText(e.said);
  return errorText(e);
}

function sanView(entry: string, line = 1): SanView {
  try {
    const parsed = parseSan(entry);
    let encodedAs: string | undefined;
    if (parsed.type === 'IP') {
      const shown = sanOpensslText(parsed).slice('IP Address:'.length);
      if (shown !== parsed.value) encodedAs = shown;
    } else if (parsed.encoded !== parsed.value) encodedAs = parsed.encoded as string;
    return { entry, line, type: parsed.type, encodedAs };
  } catch (e) {
    return { entry, line, problem: bareMessage(e) };
  }
}

export function sanViews(text: string): SanView[] {
  return sanListEntries(text).map((e) => sanView(e.entry, e.line));
}
