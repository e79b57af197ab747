/**
 * The shapes that pass between input detection, the printers and the UI.
 * Everything here is plain data so it can cross a Worker boundary (structured clone).
 */
import type { LocatedMessage, Where } from './errors.ts';

/** What a decoded object is, in the words OpenSSL's commands use for them. */
export type ObjectKind =
  | 'certificate' // X.509 Certificate (incl. TRUSTED CERTIFICATE's leading cert)      -> openssl x509 -text
  | 'csr' // PKCS#10 CertificationRequest                                                 -> openssl req -text
  | 'crl' // X.509 CertificateList                                                        -> openssl crl -text
  | 'private-key' // PKCS#8 PrivateKeyInfo                                                -> openssl pkey -text
  | 'rsa-private-key' // PKCS#1 RSAPrivateKey                                             -> openssl pkey -text
  | 'ec-private-key' // SEC1 ECPrivateKey                                                 -> openssl pkey -text
  | 'dsa-private-key' // OpenSSL's traditional DSA private key                            -> openssl pkey -text
  | 'encrypted-private-key' // PKCS#8 EncryptedPrivateKeyInfo (needs a passphrase)
  | 'legacy-encrypted-key' // PEM with Proc-Type: 4,ENCRYPTED (needs a passphrase)
  | 'public-key' // SubjectPublicKeyInfo                                                  -> openssl pkey -pubin -text
  | 'rsa-public-key' // PKCS#1 RSAPublicKey                                               -> openssl rsa -RSAPublicKey_in -text
  | 'dsa-public-key' // "DSA PUBLIC KEY": DSAPublicKey { y, p, q, g }                      -> openssl pkey -pubin -text
  | 'parameters' // DSA / DH / X9.42 DH / EC PARAMETERS (the PEM label says which)        -> openssl pkeyparam -text
  | 'pkcs7' // PKCS#7 / CMS ContentInfo (certificate bundle)                             -> openssl pkcs7 -print_certs -text
  | 'pkcs12' // PKCS#12 PFX, .p12/.pfx (needs its passphrase)                            -> openssl pkcs12 -info -nodes
  | 'unknown-der'; // well-formed DER of no kind we know: shown in the ASN.1 view only

export interface FoundObject {
  kind: ObjectKind;
  /** The object's DER (or BER, kept as given) bytes. */
  der: Uint8Array;
  /** Where it came from, for labels and messages: "block 2 (CERTIFICATE)", "Secret registry-tls › data.tls.crt › certificate 2 of 3". */
  origin: string;
  /** `origin` with its words as messages ("block 2 (CERTIFICATE)", "certificate 2 of 3"), when it has any. */
  originSaid?: Where;
  /** The PEM label it was armoured with, if any. */
  pemLabel?: string;
  /**
   * The line (from 1) its PEM block begins on in the text given: a pasted or opened PEM file, where
   * a person can go to it. Absent inside base64, a JSON string or a Kubernetes value, whose lines are not the file's.
   */
  line?: number;
  /** RFC 1421 headers of a legacy PEM block (Proc-Type, DEK-Info). */
  pemHeaders?: Record<string, string>;
}

/** A part of the input that could not be decoded, with a message that says what and where. */
export interface InputProblem {
  origin: string;
  /** In English, as the CLI prints it. */
  message: string;
  /** The same as a message id with parameters, for the UI to word in its language. */
  said: LocatedMessage;
  /** `origin` with its words as messages ("block 2"), when it has any. */
  originSaid?: Where;
  /** Nothing is wrong: a part was skipped on purpose (curve parameters before a key). Only while something else was found. */
  skipped?: boolean;
}

export interface DetectResult {
  objects: FoundObject[];
  problems: InputProblem[];
}
