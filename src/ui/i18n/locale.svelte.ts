/**
 * The interface language, shared by every view: 'en' until the stored preference has been read.
 * Small on purpose: a later pass adds t(key) for UI strings on top of this value.
 */
import { readPreference, writePreference } from '../../store/preferences.ts';
import { LOCALES, type Locale } from '../../core/explain/types.ts';

export type { Locale };

export const LOCALE_LABELS: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

const PREFERENCE = 'locale';

function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

class LocaleState {
  current = $state<Locale>('en');
  #loaded: Promise<void> | undefined;

  /** Reads the stored choice once; a stored value never overrides a choice made meanwhile. */
  load(): Promise<void> {
    this.#loaded ??= readPreference<unknown>(PREFERENCE, 'en').then((v) => {
      if (isLocale(v) && !this.#chosen) this.current = v;
    });
    return this.#loaded;
  }

  #chosen = false;

  set(locale: Locale): void {
    this.#chosen = true;
    this.current = locale;
    void writePreference(PREFERENCE, locale);
  }
}

export const locale = new LocaleState();
