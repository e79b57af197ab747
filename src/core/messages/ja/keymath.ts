/** Japanese: the keys of ../en/keymath.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/keymath.ts';

export default {
  'keymath.curveUnusable': 'EC 曲線のパラメーターでは公開鍵を計算できません：{reason}',
  'keymath.negativeExponent': '負の指数では g^x mod p を計算できません',
  'keymath.orderMismatch': 'EC 曲線の位数 n が生成元と合いません（n·G が無限遠点になりません）',
  'keymath.orderNotPositive': 'EC 曲線の位数が正ではありません',
} satisfies Messages<typeof en>;
