/**
 * The value decoded but OpenSSL's printer gave up part-way (its i2r returned 0): what it printed
 * so far stays, and the raw dump follows.
 */
export class PartialPrintError extends Error {
  override name = 'PartialPrintError';
  constructor(readonly printed: string) {
    super('printer stopped part-way');
  }
}
