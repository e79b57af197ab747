/** The interface language, shared by every view: 'en' until the stored preference has been read. */
import { readPreference, writePreference } from '../../store/preferences.ts';
import { isLocale, LOCALE_INFO, type Locale } from '../../core/i18n/locales.ts';

export type { Locale };

/** Each language's name in itself, as the language switch offers it. */
export const LOCALE_LABELS = Object.fromEntries(Object.entries(LOCALE_INFO).map(([l, info]) => [l, info.label])) as Record<Locale, string>;

const PREFERENCE = 'locale';

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
