/**
 * Verification and lint verdicts as messages. Their params quote names from certificates, so every
 * text param is shown with hidden and bidi characters escaped (text/visible.ts) before it is worded:
 * the English rendering equals the escaped English sentence, and every locale gets the same escapes.
 */
import { render, type CoreMessage } from '../errors.ts';
import type { VerifyProblem } from './types.ts';
import { visibleMessage } from '../text/visible.ts';

/** One reason a path is not valid: its words as a message (names escaped) and in English. */
export function problem(code: string, index: number | undefined, said: CoreMessage): VerifyProblem {
  const shown = visibleMessage(said);
  return { code, ...(index !== undefined ? { index } : {}), message: render(shown), said: shown };
}
