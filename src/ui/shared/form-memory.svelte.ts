/**
 * Form memory: what a person typed in an area, and the sub-tab they were on, kept for the browser
 * tab's session. It lives in sessionStorage (per tab, survives a reload, gone with the tab); never in
 * IndexedDB, which every file:// page of the profile shares.
 *
 * An area names its fields once (`remember(name, { field: prop(state, 'field'), … })`); the saved
 * values are put back at once, and every change is written as it happens (sessionStorage is
 * synchronous, so a reload right after typing loses nothing). Nothing secret is written: fields meant
 * for private keys and passphrases are not named at all, and a value that looks like key material
 * anyway (a PRIVATE KEY PEM block, a legacy encrypted block, a kubeconfig's client-key-data, a
 * Secret's tls.key) is left out. A storage that is missing, refuses, or is full is ignored: the forms
 * work as before.
 */

/** One remembered value: how to read it, put it back, and tell a saved value of the right shape. */
export interface Field<T = unknown> {
  /** The value to keep; undefined keeps nothing for now (a binary file, a choice that follows another field). */
  get(): T | undefined;
  set(value: T): void;
  accepts(value: unknown): value is T;
}

const KEY_MATERIAL = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/i,
  /-----BEGIN ENCRYPTED/i,
  /Proc-Type:\s*4,\s*ENCRYPTED/i,
  /PuTTY-User-Key-File/i,
  /client-key(-data)?["']?\s*:/i,
  /tls\.key["']?\s*:/i,
  /"private_?key"\s*:/i,
];

/** Whether a text holds (or announces) private key material; such text is never written to storage. */
export function looksSecret(text: string): boolean {
  return KEY_MATERIAL.some((re) => re.test(text));
}

/** Bigger values are not kept (a pasted bundle of megabytes would fill the tab's storage). */
export const MAX_VALUE_CHARS = 256 * 1024;
const PREFIX = 'certbench.form.';

/** Whether a value is fit to write: no string in it looks secret, and it is not oversized. */
function keepable(value: unknown): boolean {
  const strings: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(value);
  // The strings are judged before any JSON is made: a pasted bundle of megabytes is never copied.
  if (strings.reduce((n, s) => n + s.length, 0) > MAX_VALUE_CHARS) return false;
  return !strings.some(looksSecret);
}

const isPrimitive = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** A string, number or boolean field of a state object (or a list of them); with `choices`, only those values come back. */
export function prop<O extends object, K extends keyof O & string>(owner: O, key: K, choices?: readonly unknown[]): Field<O[K]> {
  const fits = (v: unknown, like: unknown) => isPrimitive(v) && typeof v === typeof like && (!choices || choices.includes(v));
  return {
    get: () => owner[key],
    set: (value) => {
      owner[key] = value;
    },
    accepts: (value): value is O[K] => {
      const now: unknown = owner[key];
      return Array.isArray(now) ? Array.isArray(value) && value.every((v) => isPrimitive(v) && (!choices || choices.includes(v))) : fits(value, now);
    },
  };
}

/** A paste-or-file box's text: kept while it is text, nothing while it holds a binary file's bytes. */
export function pasted(source: { text: string; bytes?: unknown; typed(text: string): void }): Field<string> {
  return {
    get: () => (source.bytes ? undefined : source.text),
    set: (text) => source.typed(text),
    accepts: (value): value is string => typeof value === 'string',
  };
}

/** A field of any other shape: its own getter, setter and check. */
export function field<T>(get: () => T | undefined, set: (value: T) => void, accepts: (value: unknown) => value is T): Field<T> {
  return { get, set, accepts };
}

function tabStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // a browser that forbids storage throws on the mere access
  }
}

function read(storage: Storage, key: string): Record<string, unknown> | undefined {
  try {
    const text = storage.getItem(key);
    const saved: unknown = text ? JSON.parse(text) : undefined;
    return saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: Storage, key: string, values: Record<string, unknown>): void {
  try {
    storage.setItem(key, JSON.stringify(values));
  } catch {
    // Full or refused: an older copy would put back what the person has since changed, so drop it.
    try {
      storage.removeItem(key);
    } catch {
      /* nothing more to do */
    }
  }
}

/**
 * Puts back what was saved under `name` this session, then keeps saving the fields as they change.
 * Returns a function that stops saving.
 */
export function remember(name: string, fields: Record<string, Field>, storage: Storage | undefined = tabStorage()): () => void {
  if (!storage) return () => {};
  const key = PREFIX + name;
  const saved = read(storage, key) ?? {};
  for (const [fieldName, f] of Object.entries(fields)) {
    const value = saved[fieldName];
    if (value === undefined || !f.accepts(value) || !keepable(value)) continue;
    try {
      f.set(value);
    } catch {
      /* a value the form no longer takes: the field keeps its default */
    }
  }
  return $effect.root(() => {
    $effect(() => {
      const values: Record<string, unknown> = {};
      for (const [fieldName, f] of Object.entries(fields)) {
        const value = f.get();
        if (value !== undefined && keepable(value)) values[fieldName] = value;
      }
      write(storage, key, values);
    });
  });
}
