/** Simplified Chinese: the keys of ../en/where.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/where.ts';

export default {
  'where.blockLabelled': '块 {index}（{label}）',
  'where.caCertificate': 'CA 证书',
  'where.caKey': 'CA 密钥',
  'where.encryptedPrivateKey': '加密的私钥',
  'where.equivalentCommands': '等效命令',
  'where.externalCa': '外部 CA',
  'where.intermediateCa': '中间 CA',
  'where.keyType': '密钥类型',
  'where.lab': '练习',
  'where.opensslCommand': 'openssl 命令',
  'where.profile': '签发配置 {name}',
  'where.opensslConfig': 'openssl 配置',
  'where.pemBlock': 'PEM 块 {index}',
  'where.pkcs8PrivateKey': 'PKCS#8 私钥',
  'where.privateKey': '私钥',
  'where.publicKey': '公钥',
  'where.san': 'SAN "{entry}"',
  'where.serial': '序列号 {serial}',
  'where.subject': '主体',
  'where.subjectAttribute': '主体属性 {index}',
  'where.validity': '有效期',
  'where.backup': '备份',
  'where.offset': '偏移 {offset}',
  'where.block': '块 {index}',
  'where.input': '输入',
} satisfies Messages<typeof en>;
