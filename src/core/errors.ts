/**
 * Every failure certbench reports to a person is a CertbenchError: a message that names what is
 * wrong and where. Anything else escaping the core is a bug; callers wrap it with `describeError`.
 */
export class CertbenchError extends Error {
  override name = 'CertbenchError';
  constructor(
    message: string,
    /** Where in the input: "block 2", "offset 0x40", "Secret x › data.tls.crt". */
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}

/** A message for anything caught, never "[object Object]" and never a stack trace. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  return 'unexpected error';
}
