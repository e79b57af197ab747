/** Simplified Chinese: the keys of ../en/keymath.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/keymath.ts';

export default {
  'keymath.curveUnusable': 'EC 曲线参数无法用于计算公钥：{reason}',
  'keymath.negativeExponent': '负指数无法用于计算 g^x mod p',
  'keymath.orderMismatch': 'EC 曲线的阶 n 与生成元不符（n·G 不是无穷远点）',
  'keymath.orderNotPositive': 'EC 曲线的阶不是正数',
} satisfies Messages<typeof en>;
