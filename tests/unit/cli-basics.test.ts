import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { COMMANDS } from '../../src/cli/registry.ts';

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

  it.each(Object.keys(COMMANDS))('certbench %s --help prints its usage and exits 0', async (name) => {
    const { out, io: cli } = io();
    expect(await runCli([name, '--help'], cli)).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(new RegExp(`usage:[\\s\\S]*certbench ${name}|^certbench ${name}`));
  });

  it.each([['k8s', 'csr'], ['k8s', 'secret'], ['k8s', 'kubeconfig'], ['ca', 'init'], ['ca', 'import']])('certbench %s %s --help prints its usage and exits 0', async (name, sub) => {
    const { out, io: cli } = io();
    expect(await runCli([name, sub, '--help'], cli)).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain(`certbench ${name} ${sub} `);
  });
});
