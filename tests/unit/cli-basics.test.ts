import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), stdin: async () => new Uint8Array() },
  };
}

describe('certbench CLI', () => {
  it('lists its commands on --help and exits 0', async () => {
    const { out, io: cli } = io();
    expect(await runCli(['--help'], cli)).toBe(0);
    expect(out.stdout).toMatch(/^usage: certbench <command>/);
    expect(out.stdout).toContain('version');
  });

  it('refuses an unknown command with status 2 and names it', async () => {
    const { out, io: cli } = io();
    expect(await runCli(['frobnicate'], cli)).toBe(2);
    expect(out.stderr).toContain("unknown command 'frobnicate'");
  });
});
