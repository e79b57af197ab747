import { registerCommand } from './registry.ts';

registerCommand('version', 'print the certbench version', async (_args, io) => {
  io.stdout('certbench 0.1.0\n');
  return 0;
}, 'usage: certbench version');
