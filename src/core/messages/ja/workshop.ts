/** Japanese: the keys of ../en/workshop.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/workshop.ts';

export default {
  'workshop.keyNotInLab': '{name} の秘密鍵はこのラボにありません（ラボをリセットして作り直してください）',
  'workshop.noCa': 'ID {id} の CA がありません',
  'workshop.nothingToPrint': '出力するものがありません',
  'workshop.noStep': '演習 {lab} にステップ {step} はありません',
  'workshop.earlierStepsFirst': '先に前のステップを行ってください：{missing} がありません',
  'workshop.notMadeYet': '{name} はまだ作られていません：先に前のステップを実行してください',
} satisfies Messages<typeof en>;
