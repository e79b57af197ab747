/** Simplified Chinese: the keys of ../en/shell.ts, each in Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/shell.ts';

export default {
  skip: '跳到正文',
  tagline: '离线证书工作台',
  navLabel: '工作台区域',
  noticeStrong: '任何数据都不会离开此页面。',
  notice: 'certbench 作为本地文件完全在您的浏览器中运行；它不发出任何网络请求，私钥只有在您导出时才会离开此页面。',
  language: '语言',
  theme: '主题',
  'theme.system': '跟随系统',
  'theme.light': '浅色',
  'theme.dark': '深色',
  'area.inspect': '查看',
  'area.create': '创建',
  'area.ca': 'CA',
  'area.kubernetes': 'Kubernetes',
  'area.verify': '验证',
  'area.workshop': '工作坊',
  retry: '重试',
  loadingArea: '正在加载…',
  areaFailed: '此区域因错误而停止：{message}。其他区域和已存储的数据不受影响；请重新加载页面再试。',
} as const satisfies Messages<typeof en>;
