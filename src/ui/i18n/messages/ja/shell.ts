/** Japanese: the keys of ../en/shell.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/shell.ts';

export default {
  skip: '本文へスキップ',
  tagline: 'オフライン証明書ワークベンチ',
  navLabel: 'ワークベンチのエリア',
  noticeStrong: 'このページから外部へは何も送信されません。',
  notice: 'certbench はローカルファイルから読み込まれ、すべてブラウザー内で動作します。ネットワークリクエストは一切行わず、秘密鍵がページの外に出るのはエクスポートしたときだけです。',
  language: '言語',
  theme: 'テーマ',
  'theme.system': 'システムの設定に合わせる',
  'theme.light': 'ライト',
  'theme.dark': 'ダーク',
  'area.inspect': '解析',
  'area.create': '作成',
  'area.ca': 'CA',
  'area.kubernetes': 'Kubernetes',
  'area.verify': '検証',
  'area.workshop': 'ワークショップ',
  retry: '再試行',
  loadingArea: '読み込み中…',
  areaFailed: 'このエリアはエラーで停止しました：{message}。ほかのエリアと保存済みのデータには影響ありません。もう一度試すには、ページを再読み込みしてください。',
} as const satisfies Messages<typeof en>;
