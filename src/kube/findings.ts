/** What the Kubernetes builders tell a person besides the manifest itself. */
import { visibleText } from '../core/text/visible.ts';
import { render, type CoreMessage } from '../core/errors.ts';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  /** 'error': the API server or the signer will refuse it; 'warning': it works but is probably not meant; 'info': worth knowing. */
  severity: FindingSeverity;
  /** Which input or manifest field it is about: "spec.signerName", "metadata.name", "tls.key". */
  field: string;
  /** In English, as the CLI prints it. */
  message: string;
  /** The same as a message id, for the UI to word in its language. */
  said: CoreMessage;
}

export function finding(severity: FindingSeverity, field: string, said: CoreMessage): Finding {
  return { severity, field, message: render(said), said };
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

/** One line per finding, as the CLI prints them: "error: spec.usages: …" (names quoted in a message with hidden characters escaped). */
export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.severity}: ${f.field}: ${visibleText(f.message)}\n`).join('');
}
