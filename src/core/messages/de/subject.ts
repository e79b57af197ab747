/** German: the keys of ../en/subject.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/subject.ts';

export default {
  'subject.controlCharacter': '{type} enthält ein Steuerzeichen',
  'subject.country': 'C muss ein zweibuchstabiger Ländercode (ISO 3166) wie DE oder US sein, nicht "{value}"',
  'subject.email': 'emailAddress "{value}" ist keine ASCII-Adresse wie name@example.com',
  'subject.empty': '{type} ist leer',
  'subject.spaceAtEnd': '{type} "{value}" beginnt oder endet mit einem Leerzeichen',
  'subject.tooLong': '{type} hat {length} Zeichen; höchstens {max} passen',
  'subject.unknownType': 'unbekannter Subject-Attributtyp {type} (angeboten werden CN, O, OU, C, ST, L, emailAddress)',
} satisfies Messages<typeof en>;
