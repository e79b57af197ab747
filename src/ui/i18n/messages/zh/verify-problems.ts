/** Simplified Chinese: the keys of ../en/verify-problems.ts, each in Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/verify-problems.ts';

export default {
  'check.signature': '签名',
  'check.validity': '在所选时间有效',
  'check.ca': 'CA 角色与约束',
  'check.purpose': '用途（扩展密钥用法）',
  'check.format': '格式正确（名称、扩展）',
  'fix.bad-signature':
    '此证书不是由所找到的颁发者的密钥签名的：请把正确的颁发者加入输入，或由本应签名的 CA 重新签发此证书。',
  'fix.weak-signature': '请使用 SHA-256 或更强的算法重新签发。',
  'fix.weak-key': '请使用 RSA 2048+ 或 EC P-256/P-384 密钥重新签发。',
  'fix.unsupported-key': '请使用 RSA、ECDSA P-256/384/521 或 Ed25519 密钥重新签发。',
  'fix.expired': '请续订此证书（或检查“基准时间”和机器时钟）。',
  'fix.not-yet-valid': '请等到它生效，修正签发它的机器的时钟，或检查“基准时间”。',
  'fix.revoked': '请签发新证书；已吊销的证书无法恢复。',
  'fix.crl-invalid': '请获取由签发 CA 签名的当前 CRL。',
  'fix.not-ca': '请以 basicConstraints critical, CA:TRUE 重新签发中间证书（openssl：-extfile 中写入 "basicConstraints=critical,CA:TRUE"）。',
  'fix.no-keycertsign': '请以 keyUsage keyCertSign, cRLSign 重新签发该 CA。',
  'fix.pathlen-exceeded': '请以更大的 pathlen 重新签发该 CA，或从证书链中移除一个中间证书。',
  'fix.leaf-is-ca': '请以 basicConstraints CA:FALSE 重新签发叶证书：CA 证书不得用作服务器或客户端证书。',
  'fix.leaf-keycertsign': '请重新签发叶证书，keyUsage 中不含 keyCertSign。',
  'fix.path-too-long': '请使用更短的证书链：减少叶证书与根证书之间的中间证书。',
  'fix.bad-name-constraints': '请以格式正确的 nameConstraints 重新签发该 CA。',
  'fix.name-constraints':
    '叶证书中的名称超出了该 CA 可以担保的范围：请用允许的名称重新签发叶证书，或使用 nameConstraints 允许这些名称的 CA。',
  'fix.leaf-name-constraints': '请重新签发叶证书，不含 nameConstraints。',
  'fix.no-issuer': '请把缺少的中间证书或根证书加入输入，或选择签发它的 CA 作为信任锚。',
  'fix.wrong-eku': '请以适合此用途的 extendedKeyUsage 重新签发（服务器用 serverAuth，客户端用 clientAuth），或选择其他用途。',
  'fix.missing-eku': '请以 extendedKeyUsage serverAuth 和/或 clientAuth 重新签发叶证书；如果只有 Go 和 openssl 客户端会使用它，也可以改用 RFC 5280 规则检查。',
  'fix.root-eku': '请选择一个没有排除此用途的 extendedKeyUsage 的根证书。',
  'fix.too-many-paths': '请从输入中移除无关的证书。',
  'fix.name-mismatch': '请重新签发证书，在其 subjectAltName 中加入该名称。',
  'fix.missing-ski': '请以 subjectKeyIdentifier=hash 重新签发该 CA。',
  'fix.missing-aki': '请以 authorityKeyIdentifier=keyid 重新签发。',
  'fix.bad-san': '请以有效的 subjectAltName 条目（DNS 名称、IP 地址）重新签发证书。',
  'fix.cn-spelling': '请把每个主机名都放入 subjectAltName；CN 不用作名称。',
  'fix.other': '请修正此字段后重新签发证书。',
} as const satisfies Messages<typeof en>;
