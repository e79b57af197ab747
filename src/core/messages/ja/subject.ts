/** Japanese: the keys of ../en/subject.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/subject.ts';

export default {
  'subject.controlCharacter': '{type} に制御文字が含まれています',
  'subject.country': 'C は DE や US のような 2 文字の国コード（ISO 3166）でなければなりません。"{value}" は使えません',
  'subject.email': 'emailAddress "{value}" は name@example.com のような ASCII のアドレスではありません',
  'subject.empty': '{type} が空です',
  'subject.spaceAtEnd': '{type} "{value}" が空白で始まるか終わっています',
  'subject.tooLong': '{type} は {length} 文字です。最大 {max} 文字までです',
  'subject.unknownType': '不明なサブジェクト属性タイプ {type}（CN、O、OU、C、ST、L、emailAddress を指定できます）',
} satisfies Messages<typeof en>;
