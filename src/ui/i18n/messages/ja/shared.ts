/** Japanese: the keys of ../en/shared.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/shared.ts';

export default {
  copy: 'コピー',
  copied: 'コピーしました',
  copyFailed: 'コピーできませんでした：テキストを選択して手動でコピーしてください',
  rawByte: 'バイト 0x{hex}（UTF-8 のテキストではありません）：OpenSSL はそのまま出力します',
} as const satisfies Messages<typeof en>;
