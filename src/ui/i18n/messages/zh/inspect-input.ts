/** Chinese: the keys of ../en/inspect-input.ts, each in Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/inspect-input.ts';

export default {
  sizeBytes: '{size} 字节',
  sizeKB: '{size} KB',
  sizeMB: '{size} MB',
  sizeGB: '{size} GB',
  pemBlocksNone: '没有 PEM 块',
  pemBlocksOne: '{count} 个 PEM 块',
  pemBlocksMany: '{count} 个 PEM 块',
  pasted: '已粘贴 {size} 的文本（{blocks}），未放入输入框便已解码（这么大的文本放进输入框会使页面卡住）——点击“清空”重新开始。',
  dropped: '已拖入 {size} 的文本（{blocks}），未放入输入框便已解码（这么大的文本放进输入框会使页面卡住）——点击“清空”重新开始。',
  pastedLost: '页面重新加载前粘贴的 {size} 文本（{blocks}）未被保留（对标签页的存储来说太大）：请重新粘贴以查看。',
  droppedLost: '页面重新加载前拖入的 {size} 文本（{blocks}）未被保留（对标签页的存储来说太大）：请重新拖入以查看。',
  filesOne: '已打开 {count} 个文件：{list}',
  filesMany: '已打开 {count} 个文件：{list}',
  filesLostOne: '页面重新加载前打开的文件未被保留：{list}。请重新打开以查看。',
  filesLostMany: '页面重新加载前打开的 {count} 个文件未被保留：{list}。请重新打开以查看。',
  fileEntry: '{name}（{size}）',
  listSeparator: '、',
  filesMore: '{list} 等另外 {count} 个',
  pasteUnread: '无法读取剪贴板，因此未粘贴任何内容：请重新粘贴。',
} as const satisfies Messages<typeof en>;
