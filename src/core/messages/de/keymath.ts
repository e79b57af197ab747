/** German: the keys of ../en/keymath.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/keymath.ts';

export default {
  'keymath.curveUnusable': 'die Parameter der EC-Kurve taugen nicht zur Berechnung des öffentlichen Schlüssels: {reason}',
  'keymath.negativeExponent': 'mit einem negativen Exponenten lässt sich g^x mod p nicht berechnen',
  'keymath.orderMismatch': 'die Ordnung n der EC-Kurve passt nicht zum Generator (n·G ist nicht der Punkt im Unendlichen)',
  'keymath.orderNotPositive': 'die Ordnung der EC-Kurve ist nicht positiv',
} satisfies Messages<typeof en>;
