/**
 * One step of "the same thing with the tools you know": a command line to run, or a file to save
 * first (then `fileName` is set and `text` is the file's content). The UI shows a list of these with
 * a copy button each; tests run them.
 */
export type CommandTool = 'openssl' | 'cfssl' | 'kubectl';

export interface EquivalentStep {
  tool: CommandTool;
  /** What the step does, in a few words (English; the UI shows it as given). */
  title: string;
  /** The command line, or the file content when fileName is set. */
  text: string;
  fileName?: string;
  /** Where the tool differs from certbench, said plainly. */
  note?: string;
}

/** Quotes a word for sh when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function shellLine(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
