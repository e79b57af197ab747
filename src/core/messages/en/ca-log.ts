/** What replaying a CA's state log found wrong with one entry (core/ca/state-log.ts), after "log entry N:". */
export default {
  'caLog.notBegunByCreation': 'the log does not begin with the CA\'s creation',
  'caLog.secondCreation': 'a second creation entry',
  'caLog.issuedTwice': 'serial {serial} issued twice',
  'caLog.revokedNeverIssued': 'revocation of serial {serial}, which was never issued',
  'caLog.revokedTwice': 'serial {serial} revoked twice',
  'caLog.revocationOtherCertificate': 'the revocation of serial {serial} names another certificate',
  'caLog.crlNumberNotIncreasing': 'CRL number {number} after {previous}',
  'caLog.rowNotRevoked': 'a revocation was to be recorded for serial {serial}, which is not revoked',
  'caLog.sealParameters': 'the log\'s seal parameters are not certbench\'s',
} as const;
