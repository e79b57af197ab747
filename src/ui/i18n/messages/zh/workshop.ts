/** Simplified Chinese: the keys of ../en/workshop.ts, each in Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/workshop.ts';

export default {
  loading: '正在加载…',
  copyArtifact: '复制 {name}',
  download: '下载 {file}',
  passed: '通过：',
  failed: '未通过：',
  copyCommand: '复制 {tool} 命令 {n}',
} as const satisfies Messages<typeof en>;
