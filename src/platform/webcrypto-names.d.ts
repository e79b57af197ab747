/**
 * The WebCrypto type names core code uses, for tsconfig.core.json, which has no DOM library: there they come from
 * Node's own WebCrypto types, the same interfaces the browser implements. The app's tsconfig takes them from the DOM.
 */
import type { webcrypto } from 'node:crypto';

declare global {
  type CryptoKey = webcrypto.CryptoKey;
  type CryptoKeyPair = webcrypto.CryptoKeyPair;
  type SubtleCrypto = webcrypto.SubtleCrypto;
  type JsonWebKey = webcrypto.JsonWebKey;
  type KeyUsage = webcrypto.KeyUsage;
  type Algorithm = webcrypto.Algorithm;
  type AlgorithmIdentifier = webcrypto.AlgorithmIdentifier;
  type RsaHashedImportParams = webcrypto.RsaHashedImportParams;
  type RsaHashedKeyAlgorithm = webcrypto.RsaHashedKeyAlgorithm;
  type RsaPssParams = webcrypto.RsaPssParams;
  type EcKeyImportParams = webcrypto.EcKeyImportParams;
  type EcKeyAlgorithm = webcrypto.EcKeyAlgorithm;
  type EcdsaParams = webcrypto.EcdsaParams;
}
