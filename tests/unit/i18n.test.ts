import { describe, expect, it } from 'vitest';
import { CATALOGUES, type MessageKey } from '../../src/i18n/catalogues';
import { formatMessage, htmlMessage, type Message } from '../../src/i18n/format-message';
import { linkHtml } from '../../src/lib/escape-html';
import { catalogueLanguage, missingMessages, translator } from '../../src/i18n/translate';
import { interfaceLanguageDiagnostics } from '../../src/lint/interface-language';

const placeholders = (message: Message) =>
  [...new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1])))].sort();

describe('the interface catalogues', () => {
  it('Spanish is complete, and every translation has the placeholders of its English message', () => {
    expect(missingMessages('es')).toEqual([]);
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      for (const [key, message] of Object.entries(catalogue) as [MessageKey, Message][]) {
        expect(CATALOGUES['en']?.[key], `${lang} ${key} is not an English key`).toBeDefined();
        // `count` may be implied by a plural form ("Un artículo nuevo"); every other one must be there.
        const english = placeholders(CATALOGUES['en']![key]!).filter((name) => name !== 'count');
        expect(placeholders(message).filter((name) => name !== 'count'), `${lang} ${key}`).toEqual(english);
      }
    }
  });

  it('a language is found by its primary subtag; one without a catalogue reads English', () => {
    expect(catalogueLanguage('es-MX')).toBe('es');
    expect(catalogueLanguage('fr')).toBeUndefined();
    expect(translator('es-ES')('search.submit')).toBe('Buscar');
    expect(translator('fr')('search.submit')).toBe('Search');
    expect(translator('fr').lang).toBe('en');
  });

  it('fills placeholders and picks plural forms by the language’s rules', () => {
    const t = translator('es');
    expect(t('search.status.results', { count: 1, query: 'drift', within: '' })).toBe('1 resultado para «drift».');
    expect(t('search.status.results', { count: 64, query: 'drift', within: '' })).toBe('64 resultados para «drift».');
    expect(translator('en')('entry.minutesRead', { count: 3 })).toBe('3 min read');
    expect(formatMessage('{a} and {b}', 'en', { a: 1 })).toBe('1 and {b}');
  });

  it('writes a sentence with links as HTML, escaping the sentence', () => {
    expect(htmlMessage('Find <posts> in the {archives}.', { archives: '<a href="/archives/">archives</a>' })).toBe('Find &lt;posts&gt; in the <a href="/archives/">archives</a>.');
    expect(htmlMessage('See {link}.', { link: linkHtml('/a?b="c"&d', 'A & <B>') })).toBe('See <a href="/a?b=&quot;c&quot;&amp;d">A &amp; &lt;B&gt;</a>.');
  });

  it('npm run check names a language without a catalogue, and says nothing of complete ones', () => {
    expect(interfaceLanguageDiagnostics(['en', 'es-ES'])).toEqual([]);
    expect(interfaceLanguageDiagnostics(['fr', 'fr-CA'])).toEqual([
      {
        file: 'src/i18n/messages/fr.ts',
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'interface-language',
        message: 'no interface catalogue for "fr": pages in it show the English interface; add src/i18n/messages/fr.ts',
      },
    ]);
  });

  it('a catalogue that lacks messages shows them in English, and npm run check lists them', () => {
    CATALOGUES['xx'] = { 'nav.blog': 'Blogue' };
    try {
      expect(translator('xx')('nav.blog')).toBe('Blogue');
      expect(translator('xx')('nav.archives')).toBe('Archives');
      expect(missingMessages('xx')).toHaveLength(Object.keys(CATALOGUES['en']!).length - 1);
      expect(interfaceLanguageDiagnostics(['xx'])[0]?.message).toMatch(/^\d+ message\(s\) missing, shown in English: layout\.skipToContent, /);
    } finally {
      delete CATALOGUES['xx'];
    }
  });
});
