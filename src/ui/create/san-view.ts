/** The SAN list as Create shows it: each entry with the type it was read as, its encoded form, or what is wrong. */
import { CertbenchError, describeError } from '../../core/errors.ts';
import { parseSan, sanOpensslText, splitSanList, type SanType } from '../../core/csr/san.ts';

export interface SanView {
  /** As typed. */
  entry: string;
  type?: SanType;
  /** How it goes into the CSR, when that differs from what was typed: punycode for an IDN, OpenSSL's IPv6 form. */
  encodedAs?: string;
  problem?: string;
}

/** The message without the `SAN "…": ` prefix: it is shown right beside the entry. */
function bareMessage(e: unknown): string {
  if (e instanceof CertbenchError && e.where) return e.message.slice(e.where.length + 2);
  return describeError(e);
}

export function sanView(entry: string): SanView {
  try {
    const parsed = parseSan(entry);
    let encodedAs: string | undefined;
    if (parsed.type === 'IP') {
      const shown = sanOpensslText(parsed).slice('IP Address:'.length);
      if (shown !== parsed.value) encodedAs = shown;
    } else if (parsed.encoded !== parsed.value) encodedAs = parsed.encoded as string;
    return { entry, type: parsed.type, encodedAs };
  } catch (e) {
    return { entry, problem: bareMessage(e) };
  }
}

export function sanViews(text: string): SanView[] {
  return splitSanList(text).map(sanView);
}
