/** Simplified Chinese: the keys of ../en/shared.ts, each in Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/shared.ts';

export default {
  copy: '复制',
  copied: '已复制',
  copyFailed: '复制失败：请选中文本并手动复制',
  rawByte: '字节 0x{hex}（不是 UTF-8 文本）：OpenSSL 原样输出',
} as const satisfies Messages<typeof en>;
