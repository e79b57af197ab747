export interface CliIo {
  stdout(s: string): void;
  /** Raw bytes, where OpenSSL prints bytes that are not UTF-8 (PKCS#12 attribute values); text otherwise. */
  stdoutBytes?(b: Uint8Array): void;
  /**
   * Whether everything given to stdoutBytes has been handed on (none of it is still held in a
   * queue), so its buffer may be filled again. Absent: never assumed (a test keeps what it is given).
   */
  stdoutDrained?(): boolean;
  stderr(s: string): void;
  stdin(): Promise<Uint8Array>;
}

/** A subcommand: takes its own arguments, returns the exit status. Throwing means status 1. */
type Command = (args: string[], io: CliIo) => Promise<number>;

/** Subcommands register here; each lives in its own module under src/cli/ and is listed in commands.ts. */
export const COMMANDS: Record<string, { summary: string; run: Command; usage?: string }> = {};

/** `usage`, when given, is printed for `certbench NAME --help`; commands without it print their own help. */
export function registerCommand(name: string, summary: string, run: Command, usage?: string): void {
  COMMANDS[name] = { summary, run, usage };
}
