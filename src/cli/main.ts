// The `certbench` command: the same src/core the app uses, on Node's WebCrypto.
import { runCli } from './run.ts';
import { serveIfDumpWorker } from './dump-worker.ts';

// dist/cli.mjs is also the script of `dump`'s worker threads (dump-pool.ts): those only print.
if (!serveIfDumpWorker()) {
  // `certbench dump big.pem | head`: the reader has what it wanted and closed the pipe. End quietly,
  // as a program killed by SIGPIPE does in a shell, instead of a stack trace of the unhandled EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stdoutBytes: (b) => process.stdout.write(b),
    // Files, pipes and terminals are written synchronously on Linux and macOS: nothing is left held.
    stdoutDrained: () => process.stdout.writableLength === 0,
    stderr: (s) => process.stderr.write(s),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
  });
}
