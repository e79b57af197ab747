/** Japanese: the keys of ../en/verify-problems.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/verify-problems.ts';

export default {
  'check.signature': '署名',
  'check.validity': '指定した時刻に有効',
  'check.ca': 'CA としての役割と制約',
  'check.purpose': '用途（拡張鍵用途）',
  'check.format': '正しい形式（名前、拡張）',
  'fix.bad-signature':
    'この証明書は、見つかった発行者の鍵で署名されていません。正しい発行者の証明書を入力に加えるか、署名すべき CA から証明書を再発行してください。',
  'fix.weak-signature': 'SHA-256 以上で署名して再発行してください。',
  'fix.weak-key': 'RSA 2048 ビット以上、または EC P-256/P-384 の鍵で再発行してください。',
  'fix.unsupported-key': 'RSA、ECDSA P-256/384/521、または Ed25519 の鍵で再発行してください。',
  'fix.expired': '証明書を更新してください（または「基準時刻」とマシンの時計を確認してください）。',
  'fix.not-yet-valid': '有効期間の開始まで待つか、証明書を発行したマシンの時計を直すか、「基準時刻」を確認してください。',
  'fix.revoked': '新しい証明書を発行してください。失効した証明書は元に戻せません。',
  'fix.crl-invalid': '発行元の CA が署名した最新の CRL を取得してください。',
  'fix.not-ca': '中間 CA を basicConstraints critical, CA:TRUE で再発行してください（openssl では -extfile で "basicConstraints=critical,CA:TRUE" を指定）。',
  'fix.no-keycertsign': 'CA を keyUsage keyCertSign, cRLSign で再発行してください。',
  'fix.pathlen-exceeded': 'より大きな pathlen で CA を再発行するか、チェーンから中間 CA を 1 つ取り除いてください。',
  'fix.leaf-is-ca': 'リーフ証明書を basicConstraints CA:FALSE で再発行してください。CA 証明書をサーバー証明書やクライアント証明書として使ってはいけません。',
  'fix.leaf-keycertsign': 'keyUsage に keyCertSign を含めずにリーフ証明書を再発行してください。',
  'fix.path-too-long': 'より短いチェーンを使ってください。リーフとルートの間の中間 CA を減らします。',
  'fix.bad-name-constraints': '正しい形式の nameConstraints で CA を再発行してください。',
  'fix.name-constraints':
    'リーフ証明書が、CA が保証できない名前を含んでいます。許可された名前でリーフ証明書を再発行するか、nameConstraints でそれらの名前が許可されている CA を使ってください。',
  'fix.leaf-name-constraints': 'nameConstraints を含めずにリーフ証明書を再発行してください。',
  'fix.no-issuer': '不足している中間証明書またはルート証明書を入力に加えるか、これを発行した CA をトラストアンカーとして選択してください。',
  'fix.wrong-eku': 'この用途の extendedKeyUsage（サーバーには serverAuth、クライアントには clientAuth）で再発行するか、別の用途を選択してください。',
  'fix.missing-eku': 'extendedKeyUsage serverAuth と clientAuth の一方または両方でリーフ証明書を再発行してください。Go と openssl のクライアントだけが使う場合は、RFC 5280 プロファイルで確認してください。',
  'fix.root-eku': 'この用途を除外する extendedKeyUsage を持たないルートを選択してください。',
  'fix.too-many-paths': '関係のない証明書を入力から取り除いてください。',
  'fix.name-mismatch': 'その名前を subjectAltName に含めて証明書を再発行してください。',
  'fix.missing-ski': 'CA を subjectKeyIdentifier=hash で再発行してください。',
  'fix.missing-aki': 'authorityKeyIdentifier=keyid で再発行してください。',
  'fix.bad-san': '有効な subjectAltName エントリー（DNS 名、IP アドレス）で証明書を再発行してください。',
  'fix.cn-spelling': 'すべてのホスト名を subjectAltName に入れてください。CN は名前の照合には使われません。',
  'fix.other': 'このフィールドを修正して証明書を再発行してください。',
} as const satisfies Messages<typeof en>;
