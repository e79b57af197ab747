/** How strong a CA passphrase looks, in plain categories the protection form words (messages/ca-protection.ts). */
import { MIN_CA_PASSPHRASE_LENGTH } from '../../store/key-vault.ts';

export type PassphraseStrength = 'short' | 'repetitive' | 'fair' | 'good';

/**
 * A plain-words judgement of a passphrase: too short (under 12 characters), the same few characters
 * repeated, fair, or good (20 characters or more, or four words or more).
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const chars = [...passphrase];
  if (chars.length < MIN_CA_PASSPHRASE_LENGTH) return 'short';
  if (new Set(chars).size < 5) return 'repetitive';
  const words = passphrase.split(/[\s\-_.,;:]+/).filter((w) => w.length >= 2);
  return chars.length >= 20 || words.length >= 4 ? 'good' : 'fair';
}
