import { describeError } from '../core/errors.ts';
import { COMMANDS, type CliIo } from './registry.ts';
import './commands.ts';

export type { CliIo };

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(14)}${c.summary}`);
  return `usage: certbench <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

/** Runs one CLI invocation and returns its exit status; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name === '--version' || name === '-V' ? 'version' : name];
  if (!cmd) {
    io.stderr(`certbench: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  if (cmd.usage && rest.some((a) => a === '--help' || a === '-h')) {
    io.stdout(cmd.usage.endsWith('\n') ? cmd.usage : `${cmd.usage}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    io.stderr(`certbench ${name}: ${describeError(e)}\n`);
    return 1;
  }
}
