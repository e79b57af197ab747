/** Japanese: the keys of ../en/workshop.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/workshop.ts';

export default {
  loading: '読み込み中…',
  copyArtifact: '{name} をコピー',
  download: '{file} をダウンロード',
  passed: '成功：',
  failed: '失敗：',
  copyCommand: '{tool} のコマンド {n} をコピー',
} as const satisfies Messages<typeof en>;
