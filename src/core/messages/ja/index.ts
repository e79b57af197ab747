/** Every core message in this language: the keys of ../en/index.ts (the compiler names a missing one). */
import asn1 from './asn1.ts';
import ca from './ca.ts';
import caLog from './ca-log.ts';
import cert from './cert.ts';
import commands from './commands.ts';
import csr from './csr.ts';
import der from './der.ts';
import error from './error.ts';
import general from './general.ts';
import input from './input.ts';
import keymath from './keymath.ts';
import keys from './keys.ts';
import kind from './kind.ts';
import kube from './kube.ts';
import lint from './lint.ts';
import pkcs12 from './pkcs12.ts';
import place from './place.ts';
import print from './print.ts';
import san from './san.ts';
import steps from './steps.ts';
import store from './store.ts';
import subject from './subject.ts';
import summary from './summary.ts';
import verify from './verify.ts';
import verifyChain from './verify-chain.ts';
import verifyNames from './verify-names.ts';
import where from './where.ts';
import workshop from './workshop.ts';

import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/index.ts';

export default { ...asn1, ...ca, ...caLog, ...cert, ...commands, ...csr, ...der, ...error, ...general, ...input, ...keymath, ...keys, ...kind, ...kube, ...lint, ...pkcs12, ...place, ...print, ...san, ...steps, ...store, ...subject, ...summary, ...verify, ...verifyChain, ...verifyNames, ...where, ...workshop } satisfies Messages<typeof en>;
