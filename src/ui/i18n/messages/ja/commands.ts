/** Japanese: the keys of ../en/commands.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/commands.ts';

export default {
  heading: '同等のコマンド',
  intro: '同じ操作を使い慣れたツールで行うためのコマンドです。入力した値が埋め込まれています。',
  'tool.openssl': 'OpenSSL',
  'tool.cfssl': 'cfssl',
  'tool.kubectl': 'kubectl',
  saveAs: '{fileName} として保存',
  copyCommand: 'コピー：{title}',
  copyFile: '{fileName} の内容をコピー',
  noCommand: 'この手順に対応するコマンドはありません。',
} as const satisfies Messages<typeof en>;
