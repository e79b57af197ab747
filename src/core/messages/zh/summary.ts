/** Simplified Chinese: the keys of ../en/summary.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/summary.ts';

export default {
  'summary.kind.certificate': '证书',
  'summary.kind.csr': '证书签名请求',
  'summary.kind.crl': '证书吊销列表',
  'summary.kind.private-key': '私钥',
  'summary.kind.rsa-private-key': 'RSA 私钥',
  'summary.kind.ec-private-key': 'EC 私钥',
  'summary.kind.dsa-private-key': 'DSA 私钥',
  'summary.kind.encrypted-private-key': '加密的私钥',
  'summary.kind.legacy-encrypted-key': '加密的私钥（旧式 PEM）',
  'summary.kind.public-key': '公钥',
  'summary.kind.rsa-public-key': 'RSA 公钥',
  'summary.kind.dsa-public-key': 'DSA 公钥',
  'summary.kind.parameters': '域参数',
  'summary.kind.pkcs7': 'PKCS#7 证书包',
  'summary.kind.pkcs12': 'PKCS#12 文件',
  'summary.kind.unknown-der': 'ASN.1 数据',
  'summary.publicKeyOf': '{key} 公钥',
  'summary.privateKeyOf': '{key} 私钥',
  'summary.crlFrom': '来自 {issuer} 的 CRL',
  'summary.crlFromUnnamed': '来自未命名颁发者的 CRL',
  'summary.bundleOne': '包含 {count} 个证书的 PKCS#7 证书包',
  'summary.bundleMany': '包含 {count} 个证书的 PKCS#7 证书包',
  'summary.name': '{name}',
} satisfies Messages<typeof en>;
