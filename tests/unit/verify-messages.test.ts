// Verify and lint speak message ids (#16): every chain problem, host-name verdict and lint finding
// carries `said` (a message id with params) beside its English `message`, the English is exactly what
// `said` renders to, and the Japanese and Chinese catalogs word every such message in their script.
// A source check keeps English sentences out of src/core/verify and src/core/lint: a phrase there
// is a catalog entry (src/core/messages/<locale>/{verify-chain,verify-names,lint}.ts), not a literal.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { detectInput } from '../../src/core/input/detect.ts';
import { render, type CoreMessage } from '../../src/core/errors.ts';
import { lintCertificate } from '../../src/core/lint/index.ts';
import { matchPeerName, peerNameOf, verifyChain, type PeerName } from '../../src/core/verify/index.ts';
import { readCertView } from '../../src/core/verify/certificate.ts';
import type { Locale } from '../../src/core/i18n/locales.ts';

const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, '../fixtures');
const CJK = { ja: /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/, zh: /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/ } as const;
const AREAS = ['verify-chain', 'verify-names', 'lint'];
/** Entries that are names, the same in every language (the GeneralName types, a quoted label). */
const NAMES_ONLY = new Set(['names.rfc822Name', 'names.dNSName', 'names.uri', 'chain.issuer']);

const der = (pem: string) => detectInput(pem).objects.map((o) => o.der);

/** Every message inside `m` (itself and its nested params): each must render in every locale. */
function messagesIn(m: CoreMessage): CoreMessage[] {
  return [m, ...Object.values(m.params ?? {}).flatMap((p) => (typeof p === 'object' ? messagesIn(p) : []))];
}

function expectWorded(said: CoreMessage, english: string): void {
  expect(render(said)).toBe(english);
  for (const locale of ['de', 'ja', 'zh'] satisfies Locale[]) {
    const text = render(said, locale);
    expect(text, `${said.id} in ${locale}`).not.toMatch(/\{\w+\}/);
    if (locale !== 'de') expect(text, `${said.id} in ${locale}`).toMatch(CJK[locale]);
  }
}

describe('the catalogs of verify and lint', () => {
  it.each(['ja', 'zh'] as const)('%s words every entry in its own script (names excepted)', async (locale) => {
    for (const area of AREAS) {
      const table = ((await import(join(root, 'src/core/messages', locale, `${area}.ts`))) as { default: Record<string, string> }).default;
      for (const [key, text] of Object.entries(table)) {
        if (!NAMES_ONLY.has(key)) expect(text, `${locale}/${area}.ts ${key}`).toMatch(CJK[locale]);
      }
    }
  });
});

describe('verdicts carry their message', () => {
  const limbo = JSON.parse(readFileSync(join(fixtures, 'limbo/limbo.json'), 'utf8')) as {
    testcases: { id: string; trusted_certs: string[]; untrusted_intermediates: string[]; peer_certificate: string; validation_time: string | null; validation_kind: string; expected_peer_name: { kind: 'DNS' | 'IP' | 'RFC822'; value: string } | null; crls?: string[] }[];
  };
  const KIND = { DNS: 'dns', IP: 'ip', RFC822: 'email' } as const;

  it("x509-limbo: every chain problem's English is its message rendered, and ja/zh/de word it", async () => {
    const ids = new Set<string>();
    for (const tc of limbo.testcases) {
      const peer = tc.expected_peer_name;
      for (const profile of ['webpki', 'rfc5280'] as const) {
        const result = await verifyChain(der(tc.peer_certificate)[0]!, {
          trusted: tc.trusted_certs.flatMap(der), untrusted: tc.untrusted_intermediates.flatMap(der), crls: (tc.crls ?? []).flatMap(der),
          at: tc.validation_time ? new Date(tc.validation_time) : new Date('2024-06-01T00:00:00Z'), profile,
          purpose: tc.validation_kind === 'SERVER' ? 'server' : 'client',
          ...(peer ? { peerName: { kind: KIND[peer.kind], value: peer.value } as PeerName } : {}),
        });
        for (const p of result.problems) {
          expectWorded(p.said, p.message);
          for (const m of messagesIn(p.said)) ids.add(m.id);
        }
      }
    }
    // The corpus reaches most of the chain and name messages, not a handful.
    expect(ids.size).toBeGreaterThan(40);
  }, 120_000);

  it("zlint's certificates: every lint finding and fix, and every host-name verdict, is its message rendered", () => {
    const dir = join(fixtures, 'corpus/zlint-full');
    const ids = new Set<string>();
    const files = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => readdirSync(join(dir, d.name)).filter((f) => f.endsWith('.pem')).map((f) => join(dir, d.name, f)));
    for (const file of files.filter((_, i) => i % 3 === 0)) {
      for (const obj of detectInput(readFileSync(file)).objects) {
        if (obj.kind !== 'certificate') continue;
        for (const opts of [{ pki: 'public', usage: 'server' }, { pki: 'private', usage: 'client', kubeServiceIp: '10.0.0.1' }] as const) {
          for (const f of lintCertificate(obj.der, { ...opts, at: new Date('2020-01-01T00:00:00Z') })) {
            expectWorded(f.said, f.message);
            expectWorded(f.fixSaid, f.fix);
            for (const m of [...messagesIn(f.said), ...messagesIn(f.fixSaid)]) ids.add(m.id);
          }
        }
        const view = readCertView(obj.der);
        for (const name of ['www.example.com', '10.0.0.1', 'bad_host.example']) {
          const verdict = matchPeerName(peerNameOf(name), view.subjectAltNames?.names, view.subject);
          if (!verdict.ok) expectWorded(verdict.said!, verdict.message!);
        }
      }
    }
    expect([...ids].filter((id) => id.startsWith('lint.')).length).toBeGreaterThan(30);
  }, 120_000);
});

/** Text of every string and template literal in a file, with its line; import paths left out. */
function literals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    const at = () => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push({ line: at(), text: node.text });
    else if (ts.isTemplateExpression(node)) out.push({ line: at(), text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…') });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * Phrases that stay in the code, each with why: names of DER structures given to parseDer (they name
 * what failed to decode, as OpenSSL names them), the English `label`/`message` forms whose words have
 * a message beside them (labelSaid, generalNameSaid), the places of the API's own inputs, which the
 * CLI and the UI never reach (they read every certificate before verifying), and the openssl command.
 */
const KEPT = new Set([
  'DSA public key', 'DSA private key', 'DSA parameters', 'DSA field', 'private key', 'algorithm OID', 'ECDSA signature',
  '(empty subject)', '<unreadable name ……>', 'name of type […]',
  'leaf certificate', 'trusted certificate', 'untrusted certificate',
  'openssl verify -CAfile …',
]);

describe('src/core/verify and src/core/lint', () => {
  it('return no English sentences: every phrase is a catalog message', () => {
    const files = [...readdirSync(join(root, 'src/core/verify')).map((f) => join(root, 'src/core/verify', f)), ...readdirSync(join(root, 'src/core/lint')).map((f) => join(root, 'src/core/lint', f))];
    const phrases = files.flatMap((file) => literals(file).filter(({ text }) => /\b[a-z]{2,} [a-z]{2,}\b/i.test(text)).map((l) => ({ ...l, file: file.slice(root.length + 1) })));
    expect(phrases.filter(({ text }) => !KEPT.has(text)).map(({ file, line, text }) => `${file}:${line}: ${text}`)).toEqual([]);
    // The list stays honest: each kept phrase is still in the code.
    expect([...KEPT].filter((k) => !phrases.some(({ text }) => text === k))).toEqual([]);
  });
});
