/// <reference lib="webworker" />
/**
 * The decode worker's message loop. It answers one DecodeRequest at a time, by id. It is started by
 * src/worker.ts, the worker's entry (see chunk-worker.ts).
 */
import { decodeInput, decryptItem, printItem, treeFor } from './decode-job.ts';
import type { DecodeReply, DecodeRequest } from './protocol.ts';

export function serveDecodeRequests(scope: DedicatedWorkerGlobalScope): void {
  /** The parts of long texts received so far, by request id (see TEXT_PART). */
  const parts = new Map<number, string[]>();
  scope.onmessage = async (event: MessageEvent<DecodeRequest>) => {
    const req = event.data;
    if (req.op === 'part') {
      const received = parts.get(req.id) ?? [];
      received.push(req.text);
      parts.set(req.id, received);
      return;
    }
    let reply: DecodeReply;
    try {
      switch (req.op) {
        case 'decode': {
          const input = req.inParts ? (parts.get(req.id) ?? []).join('') : req.input;
          parts.delete(req.id);
          reply = {
            id: req.id,
            op: 'decode',
            result: await decodeInput(input, req.sourceName, undefined, (items) => scope.postMessage({ id: req.id, op: 'items', items })),
          };
          break;
        }
        case 'tree':
          reply = { id: req.id, op: 'tree', result: treeFor(req.der) };
          break;
        case 'print':
          reply = { id: req.id, op: 'print', result: printItem(req.obj) };
          break;
        case 'decrypt':
          reply = { id: req.id, op: 'decrypt', result: await decryptItem(req.der, req.passphrase, req.from, req.kind) };
          break;
      }
    } catch (e) {
      reply = { id: req.id, op: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    scope.postMessage(reply);
  };
}
