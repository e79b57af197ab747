import 'fake-indexeddb/auto';
import { useNodeWebCrypto } from './node-webcrypto.ts';

useNodeWebCrypto();
