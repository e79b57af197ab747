/** Simplified Chinese: the keys of ../en/kind.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/kind.ts';

export default {
  'kind.certificate': 'X.509 证书',
  'kind.csr': 'PKCS#10 请求',
  'kind.crl': 'CRL',
  'kind.private-key': 'PKCS#8 私钥',
  'kind.rsa-private-key': 'PKCS#1 RSA 私钥',
  'kind.ec-private-key': 'SEC1 EC 私钥',
  'kind.dsa-private-key': 'DSA 私钥',
  'kind.encrypted-private-key': '加密的 PKCS#8 私钥',
  'kind.legacy-encrypted-key': '旧式加密的 PEM 私钥',
  'kind.public-key': '公钥（SubjectPublicKeyInfo）',
  'kind.rsa-public-key': 'PKCS#1 RSA 公钥',
  'kind.dsa-public-key': 'DSA 公钥 (DSAPublicKey)',
  'kind.parameters': '域参数',
  'kind.pkcs7': 'PKCS#7 证书包',
  'kind.pkcs12': 'PKCS#12 文件',
  'kind.unknown-der': '未知的 ASN.1 对象',
} satisfies Messages<typeof en>;
