import { versionLine } from '../core/build-info.ts';
import { registerCommand } from './registry.ts';

registerCommand('version', 'print the certbench version and the commit it was built from', async (_args, io) => {
  io.stdout(`${versionLine()}\n`);
  return 0;
}, 'usage: certbench version   (also: certbench --version)');
