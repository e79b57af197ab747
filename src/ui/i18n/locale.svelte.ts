/** The interface language, shared by every view: 'en' until the stored preference has been read. */
import { readPreference, writePreference } from '../../store/preferences.ts';
import { isLocale, LOCALE_INFO, type Locale } from '../../core/i18n/locales.ts';
import { loadLocale, localeReady } from '../../core/i18n/locale-chunks.ts';

export type { Locale };

/** Each language's name in itself, as the language switch offers it. */
export const LOCALE_LABELS = Object.fromEntries(Object.entries(LOCALE_INFO).map(([l, info]) => [l, info.label])) as Record<Locale, string>;

const PREFERENCE = 'locale';

class LocaleState {
  current = $state<Locale>('en');
  #loaded: Promise<void> | undefined;
  /** The language last asked for: a slower load of an earlier choice never overrides it. */
  #wanted: Locale = 'en';

  /** Reads the stored choice once; a stored value never overrides a choice made meanwhile. */
  load(): Promise<void> {
    this.#loaded ??= readPreference<unknown>(PREFERENCE, 'en').then((v) => {
      if (isLocale(v) && !this.#chosen) return this.#show(v);
    });
    return this.#loaded;
  }

  #chosen = false;

  set(locale: Locale): void {
    this.#chosen = true;
    void this.#show(locale);
    void writePreference(PREFERENCE, locale);
  }

  /**
   * Switches once the language's texts are loaded (in the one-file app each language is a chunk of
   * its own, see src/core/i18n/locale-chunks.ts): at once when they are, so no text shows in English
   * for want of its translation.
   */
  #show(locale: Locale): Promise<void> | void {
    this.#wanted = locale;
    if (localeReady(locale)) {
      this.current = locale;
      return;
    }
    return loadLocale(locale).then(() => {
      if (this.#wanted === locale) this.current = locale;
    });
  }
}

export const locale = new LocaleState();
