export { verifyChain, summariseProblems } from './verify.ts';
export type { AnchorChecks, PathEntry, PeerName, Purpose, VerifyOptions, VerifyProblem, VerifyResult } from './types.ts';
export { matchPeerName, peerNameOf } from './hostname.ts';
