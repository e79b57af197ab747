/// <reference lib="webworker" />
// The decode worker's entry: built beside src/main.ts into the same chunks, and started by
// src/ui/workers/chunk-worker.ts with the chunks it needs (the PKI core) and nothing of the UI.
import { serveDecodeRequests } from './ui/workers/decode.worker.ts';

serveDecodeRequests(self as unknown as DedicatedWorkerGlobalScope);
