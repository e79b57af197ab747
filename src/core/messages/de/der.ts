/** German: the keys of ../en/der.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/der.ts';

export default {
  'der.missingOrWrongType': '{what} fehlt oder hat den falschen Typ',
  'der.notDer': '{what} ist kein gültiges DER: {reason}',
  'der.noBytes': 'keine Bytes bei Offset {offset}',
  'der.tagCutShort': 'Tag abgeschnitten bei Offset {offset}',
  'der.tagTooLarge': 'Tag-Nummer zu groß bei Offset {offset}',
  'der.lengthCutShort': 'Länge abgeschnitten bei Offset {offset}',
  'der.indefinitePrimitive': 'unbestimmte Länge bei einem primitiven Element bei Offset {offset}',
  'der.lengthTooLong': 'Länge zu lang bei Offset {offset}',
  'der.tooDeep': 'zu tief verschachtelt bei Offset {offset}',
  'der.noEndOfContents': 'Element mit unbestimmter Länge ohne End-of-Contents bei Offset {offset}',
  'der.pastEnd': 'Länge {length} reicht über das Ende hinaus bei Offset {offset}',
  'der.pastEnclosing': 'Länge {length} reicht über das Ende des umschließenden Elements hinaus bei Offset {offset}',
  'der.trailing': '{count} Bytes nach dem Ende des Elements bei Offset {offset}',
  'der.missingIn': '{what} fehlt im Element bei Offset {offset}',
  'der.wrongType': '{what} hat den falschen Typ bei Offset {offset}',
  'der.invalidOid': '{what} ist kein gültiger OBJECT IDENTIFIER bei Offset {offset}',
  'der.opensslRefuses': 'openssl lädt dies nicht: {reason} bei Offset {offset}',
} satisfies Messages<typeof en>;
