/** Japanese: the keys of ../en/der.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/der.ts';

export default {
  'der.missingOrWrongType': '{what} がないか、型が違います',
  'der.notDer': '{what} は有効な DER ではありません：{reason}',
  'der.noBytes': 'オフセット {offset} にバイトがありません',
  'der.tagCutShort': 'オフセット {offset} でタグが途切れています',
  'der.tagTooLarge': 'オフセット {offset} のタグ番号が大きすぎます',
  'der.lengthCutShort': 'オフセット {offset} で長さが途切れています',
  'der.indefinitePrimitive': 'オフセット {offset} のプリミティブ要素に不定長が使われています',
  'der.lengthTooLong': 'オフセット {offset} の長さが長すぎます',
  'der.tooDeep': 'オフセット {offset} で入れ子が深すぎます',
  'der.noEndOfContents': 'オフセット {offset} の不定長要素に end-of-contents がありません',
  'der.pastEnd': 'オフセット {offset} の長さ {length} が終わりを越えています',
  'der.pastEnclosing': 'オフセット {offset} の長さ {length} が、それを含む要素の終わりを越えています',
  'der.trailing': 'オフセット {offset} の要素の終わりの後に {count} バイトあります',
  'der.missingIn': 'オフセット {offset} の要素に {what} がありません',
  'der.wrongType': 'オフセット {offset} の {what} の型が違います',
  'der.invalidOid': 'オフセット {offset} の {what} は有効な OBJECT IDENTIFIER ではありません',
  'der.opensslRefuses': 'openssl はこれを読み込みません: オフセット {offset} で {reason}',
} satisfies Messages<typeof en>;
