import { catalogueLanguage, missingMessages } from '../i18n/translate';
import type { Diagnostic } from './diagnostic';

/**
 * What `npm run check` says about the interface's languages: a language with no catalogue (its
 * readers get the English interface), or a catalogue missing messages (English stands in for
 * each). `langs` are the site's language and its entries'.
 *
 * @example interfaceLanguageDiagnostics(['fr'])[0]?.message // 'no interface catalogue for "fr": pages in it show the English interface; add src/i18n/messages/fr.ts'
 */
export function interfaceLanguageDiagnostics(langs: Iterable<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const lang of langs) {
    const language = catalogueLanguage(lang) ?? lang.toLowerCase().split(/[-_]/)[0] ?? lang;
    if (seen.has(language)) continue;
    seen.add(language);
    const file = `src/i18n/messages/${language}.ts`;
    if (!catalogueLanguage(lang)) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'warning', rule: 'interface-language', message: `no interface catalogue for "${lang}": pages in it show the English interface; add ${file}` });
      continue;
    }
    const missing = missingMessages(language);
    if (missing.length > 0) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'warning', rule: 'interface-language', message: `${missing.length} message(s) missing, shown in English: ${missing.join(', ')}` });
    }
  }
  return diagnostics;
}
