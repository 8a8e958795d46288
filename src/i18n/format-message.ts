import { escapeHtml } from '../lib/escape-html.ts';

/** A message: text with `{name}` placeholders, or its plural forms (Intl.PluralRules categories). */
export type Message = string | { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };

/** Values a message's `{name}` placeholders take; `count` also picks a plural form. */
export type MessageValues = Record<string, string | number>;

// One PluralRules a language: a build asks for plural forms on each of thousands of pages.
const pluralRules = new Map<string, Intl.PluralRules>();
const pluralRulesOf = (lang: string): Intl.PluralRules => {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
};

/**
 * A message as text in `lang`: the plural form `values.count` asks for, placeholders filled
 * (an unknown one stays as written). Pure and small: the search page's script uses it too.
 *
 * @example formatMessage({ one: '{count} result', other: '{count} results' }, 'en', { count: 2 }) // '2 results'
 */
export function formatMessage(message: Message, lang: string, values?: MessageValues): string {
  const text = typeof message === 'string' ? message : (message[pluralRulesOf(lang).select(Number(values?.['count'] ?? 0)) as keyof typeof message] ?? message.other);
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/**
 * A message as HTML: its text escaped, then `{name}` placeholders replaced by the HTML in `parts`
 * (links within a sentence, whose place differs between languages).
 *
 * @example htmlMessage('See the {link} & more.', { link: '<a href="/a/">archives</a>' }) // 'See the <a href="/a/">archives</a> &amp; more.'
 */
export function htmlMessage(text: string, parts: Record<string, string>): string {
  return escapeHtml(text).replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(parts, name) ? parts[name]! : whole));
}
