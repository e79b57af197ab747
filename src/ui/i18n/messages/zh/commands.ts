/** Simplified Chinese: the keys of ../en/commands.ts, each in Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/commands.ts';

export default {
  heading: '等效命令',
  intro: '用您熟悉的工具完成同样的操作，已填入您的值。',
  'tool.openssl': 'OpenSSL',
  'tool.cfssl': 'cfssl',
  'tool.kubectl': 'kubectl',
  saveAs: '另存为 {fileName}',
  copyCommand: '复制：{title}',
  copyFile: '复制 {fileName} 的内容',
  noCommand: '此步骤没有对应的命令。',
} as const satisfies Messages<typeof en>;
