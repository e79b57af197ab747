/** Japanese: the keys of ../en/inspect-input.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/inspect-input.ts';

export default {
  sizeBytes: '{size} バイト',
  sizeKB: '{size} KB',
  sizeMB: '{size} MB',
  sizeGB: '{size} GB',
  pemBlocksNone: 'PEM ブロックなし',
  pemBlocksOne: 'PEM ブロック {count} 個',
  pemBlocksMany: 'PEM ブロック {count} 個',
  pasted: '{size} のテキスト（{blocks}）を貼り付けました。これほど大きなテキストは入力欄に入れるとページが固まるため、入力欄には入れずにデコードしました。やり直すには「クリア」を押してください。',
  dropped: '{size} のテキスト（{blocks}）をドロップしました。これほど大きなテキストは入力欄に入れるとページが固まるため、入力欄には入れずにデコードしました。やり直すには「クリア」を押してください。',
  pastedLost: 'ページの再読み込み前に貼り付けた {size} のテキスト（{blocks}）は、タブのメモリーには大きすぎるため保持されていません。表示するにはもう一度貼り付けてください。',
  droppedLost: 'ページの再読み込み前にドロップした {size} のテキスト（{blocks}）は、タブのメモリーには大きすぎるため保持されていません。表示するにはもう一度ドロップしてください。',
  filesOne: '{count} 個のファイルを開きました：{list}',
  filesMany: '{count} 個のファイルを開きました：{list}',
  filesLostOne: 'ページの再読み込み前に開いたファイルは保持されていません：{list}。表示するにはもう一度開いてください。',
  filesLostMany: 'ページの再読み込み前に開いた {count} 個のファイルは保持されていません：{list}。表示するにはもう一度開いてください。',
  fileEntry: '{name}（{size}）',
  listSeparator: '、',
  filesMore: '{list} ほか {count} 個',
  pasteUnread: 'クリップボードを読み取れなかったため、何も貼り付けられていません。もう一度貼り付けてください。',
} as const satisfies Messages<typeof en>;
