/** Simplified Chinese: the keys of ../en/workshop.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/workshop.ts';

export default {
  'workshop.keyNotInLab': '{name} 的私钥不在此练习中（请重置练习并重新生成）',
  'workshop.noCa': '没有 ID 为 {id} 的 CA',
  'workshop.nothingToPrint': '没有可打印的内容',
  'workshop.noStep': '实验 {lab} 中没有步骤 {step}',
  'workshop.earlierStepsFirst': '请先完成前面的步骤：缺少 {missing}',
  'workshop.notMadeYet': '{name} 尚未生成：请先完成前面的步骤',
} satisfies Messages<typeof en>;
