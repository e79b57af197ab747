/**
 * The CA core, storage-agnostic (the IndexedDB store and the CLI directory both use it):
 *   createRootCa / createIntermediateCa / importCa  → a CaSigner (certificate, chain, key)
 *   readVerifiedRequest(csr)                          → a CertificateRequest whose signature verified
 *   profileForRequest(request)                        → the profile its requested EKU (or its names) ask for, and why
 *   planFromRequest / planRenewal                     → an editable IssuancePlan (warnings included)
 *   issueFromPlan(plan, ca, takenSerials)             → PEM, chain PEM, inventory row
 *   revokeEntry, buildCrl                             → revocation and CRL v2
 *   equivalentCommands(plan, files)                   → the same issuance as openssl / cfssl commands
 *   BUILTIN_PROFILES, parseCfsslConfig                → signing profiles
 */
export * from './types.ts';
export { createRootCa, createIntermediateCa, DEFAULT_CA_SUBJECT, DEFAULT_CA_KEY_TYPE, type CaOptions, type CreatedCa } from './create.ts';
export { importCa, type CaImportInput, type ImportedCa } from './import.ts';
export { parseCertificateRequest, verifyCertificateRequest, readVerifiedRequest, type CertificateRequest, type RequestedUsage } from './csr.ts';
export { profileForRequest, type ProfileForRequest, type ProfileRule, type RequestProfileName } from './profile-for-request.ts';
export { planFromRequest, planRenewal, issueFromPlan, type IssuancePlan, type IssuedResult, type PlanOptions } from './issue.ts';
export { inventoryEntryFor, revokeEntry, findBySerial, isRevocationReason } from './inventory.ts';
export { buildCrl, type BuiltCrl, type CrlOptions } from './crl.ts';
export { equivalentCommands, type EquivalentCommands, type EquivalentFiles } from './equivalents.ts';
export { BUILTIN_PROFILES, keyUsageFor, type Profile } from './profiles.ts';
export { parseCfsslConfig, cfsslConfigFor, cfsslProfileRefusal, CFSSL_DEFAULT_PROFILE } from './cfssl-config.ts';
export { caIdOf } from './identity.ts';
