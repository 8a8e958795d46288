import { CATALOGUES, type Catalogue, type MessageKey } from './catalogues.ts';
import { formatMessage, type Message, type MessageValues } from './format-message.ts';

/** Reads the interface's messages in one language. */
export type Translate = ((key: MessageKey, values?: MessageValues) => string) & {
  /** The catalogue's language (`en` when the site's has none). */
  readonly lang: string;
  /** A message unformatted, for a script that formats it in the browser (`formatMessage`). */
  message(key: MessageKey): Message;
};

/**
 * The catalogue of a language tag, by its primary subtag (`es-ES` → `es`); undefined when the
 * project has none for it.
 *
 * @example catalogueLanguage('es-MX') // 'es'
 */
export function catalogueLanguage(lang: string): string | undefined {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(CATALOGUES, primary) ? primary : undefined;
}

const english = CATALOGUES['en'] as Catalogue;

// One translator a language, made on first use (every component of every page asks for one); it
// reads its catalogue then.
const translators = new Map<string, Translate>();

/**
 * The interface's words in `lang`: its catalogue's message, or English's where that catalogue has
 * none (`npm run check` lists those).
 *
 * @example translator('es')('search.submit') // 'Buscar'
 */
export function translator(lang: string): Translate {
  const language = catalogueLanguage(lang) ?? 'en';
  const made = translators.get(language);
  if (made) return made;
  const own: Partial<Catalogue> = CATALOGUES[language] ?? {};
  const message = (key: MessageKey): Message => own[key] ?? english[key];
  const translate = (key: MessageKey, values?: MessageValues) => formatMessage(message(key), language, values);
  const translatorOfLanguage = Object.assign(translate, { lang: language, message });
  translators.set(language, translatorOfLanguage);
  return translatorOfLanguage;
}

/** The keys a language's catalogue lacks (English stands in for them), for `npm run check`. */
export function missingMessages(lang: string): MessageKey[] {
  const language = catalogueLanguage(lang);
  if (!language || language === 'en') return [];
  const own = CATALOGUES[language] ?? {};
  return (Object.keys(english) as MessageKey[]).filter((key) => own[key] === undefined);
}
