/**
 * Create's state: the request form, the key choice, presets and pastes that fill them, and
 * Generate, which makes (or takes) the key, signs the CSR and hands the result to a CreatedCsr.
 */
import { buildCsr } from '../../core/csr/build.ts';
import { CSR_PRESETS, type CsrPreset } from '../../core/csr/presets.ts';
import type { CsrRequest } from '../../core/csr/request.ts';
import { errorText } from '../i18n/core-text.svelte.ts';
import { generateKeyPair } from '../../core/keys/generate.ts';
import { describeKeyAlgorithm, keyAlgorithmOf, keyTypeOf, type KeyAlgorithm, type KeyType } from '../../core/keys/key-types.ts';
import { requestFromPaste } from './bring-paste.ts';
import { CreatedCsr } from './created-csr.svelte.ts';
import { session } from '../session.svelte.ts';
import { CsrForm } from './csr-form.svelte.ts';
import { createdFileBase } from '../shared/file-names.ts';
import { KeyChoice, type CreateSaid } from './key-choice.svelte.ts';

/** Why Generate waits: it is running, or these problems (the core's words, or Create's). */
type Blocker = { working: true } | { problems: CreateSaid[] };

const TICK_MS = 100;

/** A stand-in key type for an imported key certbench would not generate (RSA 1024, say): same family, same hash. */
function keyTypeForCommands(alg: KeyAlgorithm): KeyType {
  return keyTypeOf(alg) ?? (alg.family === 'rsa' ? 'rsa2048' : alg.family === 'ec' ? 'ec-p256' : 'ed25519');
}

export class CreateState {
  readonly presets: readonly CsrPreset[] = CSR_PRESETS;
  readonly form = new CsrForm();
  readonly key: KeyChoice;

  presetId = $state('');
  /** Whether "Bring what you already have" is open (kept, like its text, while the person is elsewhere). */
  bringOpen = $state(false);
  paste = $state('');
  pasteMessage = $state.raw<CreateSaid | null>(null);
  pasteOk = $state(false);

  generating = $state(false);
  /** What is being done, for the status line: "Making an RSA 4096 key…". */
  step = $state.raw<CreateSaid | null>(null);
  elapsedMs = $state(0);
  error = $state('');
  created = $state.raw<CreatedCsr | undefined>(undefined);

  #timer: ReturnType<typeof setInterval> | undefined;
  /** What the shown CSR was made from, to tell when the form has moved on. */
  #madeFrom = $state.raw<{ json: string; imported: unknown } | undefined>(undefined);

  constructor(subtle?: SubtleCrypto) {
    this.key = new KeyChoice(subtle);
  }

  /** Why Generate cannot run, or null (worded beside the button). */
  get blocker(): Blocker | null {
    if (this.generating) return { working: true };
    const problems: CreateSaid[] = this.form.problems.map((text) => ({ text }));
    const keyProblem = this.key.problem;
    if (keyProblem) problems.push(keyProblem);
    return problems.length ? { problems } : null;
  }

  /** The form (or the key chosen) no longer matches the CSR shown. */
  get stale(): boolean {
    const made = this.#madeFrom;
    if (!this.created || !made) return false;
    return made.json !== this.#requestJson() || made.imported !== (this.key.source === 'existing' ? this.key.imported : undefined);
  }

  #requestJson(): string {
    return JSON.stringify({ source: this.key.source, ...this.request() });
  }

  applyPreset(id: string): void {
    const preset = this.presets.find((p) => p.id === id);
    if (!preset) return;
    this.presetId = id;
    this.form.fill(preset.request);
    // An existing key, if chosen, stays chosen: the preset's key type is for a new key.
    this.key.keyType = preset.request.keyType;
  }

  /** Fills the form from the pasted cfssl JSON or openssl line; says what happened either way. */
  applyPaste(): void {
    try {
      const { kind, request } = requestFromPaste(this.paste, this.form.usage);
      this.form.fill(request);
      if (this.key.source === 'new') this.key.keyType = request.keyType;
      this.presetId = '';
      this.pasteOk = true;
      const subjects = request.subject.length;
      const sans = request.sans.length;
      this.pasteMessage = {
        key: 'filled',
        params: {
          what: { key: kind === 'cfssl' ? 'filledCfssl' : 'filledOpenssl' },
          subject: { key: subjects === 1 ? 'subjectAttributesOne' : 'subjectAttributesMany', params: { count: subjects } },
          sans: { key: sans === 1 ? 'sansOne' : 'sansMany', params: { count: sans } },
          key: describeKeyAlgorithm(keyAlgorithmOf(request.keyType)),
        },
      };
    } catch (e) {
      this.pasteOk = false;
      this.pasteMessage = { text: errorText(e) };
    }
  }

  /** The request as the form holds it now. */
  request(): CsrRequest {
    const alg = this.key.algorithm;
    return {
      subject: this.form.subject,
      sans: this.form.sans,
      usage: this.form.usage,
      keyType: alg ? keyTypeForCommands(alg) : this.key.keyType,
      keyEnciphermentAlways: this.form.keyEnciphermentAlways,
    };
  }

  async generate(): Promise<void> {
    if (this.blocker) return;
    const request = this.request();
    const madeFrom = { json: this.#requestJson(), imported: this.key.source === 'existing' ? this.key.imported : undefined };
    this.#forgetCreated();
    this.error = '';
    this.generating = true;
    const started = performance.now();
    this.elapsedMs = 0;
    this.#timer = setInterval(() => (this.elapsedMs = performance.now() - started), TICK_MS);
    try {
      let keyPair: CryptoKeyPair;
      let keygenMs: number | undefined;
      const existing = this.key.source === 'existing';
      if (existing) {
        keyPair = this.key.imported!.keyPair;
      } else {
        this.step = { key: 'makingKey', params: { key: describeKeyAlgorithm(keyAlgorithmOf(request.keyType)) } };
        const t0 = performance.now();
        keyPair = await generateKeyPair(request.keyType);
        keygenMs = performance.now() - t0;
      }
      this.step = { key: 'signing' };
      const csr = await buildCsr(request, keyPair);
      const created = new CreatedCsr({
        csr,
        keyPair,
        algorithm: this.key.algorithm!,
        request,
        existingKey: existing,
        fileBase: createdFileBase(
          this.presets.find((p) => p.id === this.presetId),
          this.form.commonName,
          this.form.sanViews.find((s) => s.type === 'DNS')?.entry.replace(/^DNS:/i, ''),
        ),
        keygenMs,
      });
      await created.start();
      this.created = created;
      this.#madeFrom = madeFrom;
      session.recordCsr({ pem: csr.pem, der: csr.der, commonName: request.subject.find((a) => a.type === 'CN')?.value ?? '', privateKey: keyPair.privateKey }, created.files);
    } catch (e) {
      this.error = errorText(e);
    } finally {
      clearInterval(this.#timer);
      this.elapsedMs = performance.now() - started;
      this.generating = false;
      this.step = null;
    }
  }

  /** Drops the generated key and CSR from the page. */
  startOver(): void {
    this.#forgetCreated();
    session.forgetCsr();
    this.error = '';
  }

  dispose(): void {
    clearInterval(this.#timer);
    this.#forgetCreated();
    this.key.forget();
  }

  #forgetCreated(): void {
    this.created?.forget();
    this.created = undefined;
  }
}
