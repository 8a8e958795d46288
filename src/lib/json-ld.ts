/** What a schema.org BlogPosting needs to know about an article. */
export interface BlogPostingInput {
  title: string;
  summary: string;
  url: string;
  /** ISO 8601 with offset. */
  datePublished: string;
  dateModified: string;
  authors: readonly string[];
  tags: readonly string[];
  category: string;
  /** Absolute URL of the cover image. */
  image?: string | undefined;
  lang: string;
  /** The site as publisher (`publisherJsonLd`). */
  publisher?: Record<string, unknown> | undefined;
}

/** A schema.org BlogPosting object for an article page. */
export function blogPostingJsonLd(input: BlogPostingInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: input.title,
    description: input.summary,
    url: input.url,
    mainEntityOfPage: input.url,
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    author: input.authors.map((name) => ({ '@type': 'Person', name })),
    keywords: input.tags,
    articleSection: input.category,
    inLanguage: input.lang,
    ...(input.image ? { image: input.image } : {}),
    ...(input.publisher ? { publisher: input.publisher } : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` escaped so text such as `</script>` in a
 * title cannot end the script early.
 *
 * @example scriptJson({ a: '</script>' }) // '{"a":"\\u003c/script>"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * A schema.org BreadcrumbList: the trail from the home page to this page.
 *
 * @example breadcrumbJsonLd([{ name: 'Home', url: 'https://x.org/' }, { name: 'Post', url: 'https://x.org/p/' }])
 */
export function breadcrumbJsonLd(trail: readonly { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

/** A schema.org WebSite whose search action is the site's search page. */
export function webSiteJsonLd(site: {
  name: string;
  url: string;
  description: string;
  lang: string;
  /** Site path of the search page. Default: /search/. */
  searchPath?: string;
}): Record<string, unknown> {
  const home = new URL('/', site.url).href;
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: home,
    description: site.description,
    inLanguage: site.lang,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${new URL(site.searchPath ?? '/search/', site.url).href}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** A schema.org Person, for author pages. */
export function personJsonLd(person: { name: string; url: string; description?: string; image?: string; sameAs?: readonly string[] }): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: person.name,
    url: person.url,
    ...(person.description ? { description: person.description } : {}),
    ...(person.image ? { image: person.image } : {}),
    ...(person.sameAs?.length ? { sameAs: person.sameAs } : {}),
  };
}

/** What a schema.org Course needs to know about a course. */
export interface CourseInput {
  title: string;
  description: string;
  url: string;
  lang: string;
  provider: { name: string; url: string };
  instructors: readonly string[];
  venue?: string | undefined;
  address?: string | undefined;
  city: string;
  /** ISO 3166 country code of the venue, when known. */
  country?: string | undefined;
  /** ISO 8601, with an offset when a time is known. */
  startDate?: string | undefined;
  endDate?: string | undefined;
  /** e.g. "PT14H" */
  workload?: string | undefined;
  price?: number | undefined;
  currency: string;
  /** schema.org availability URL, e.g. https://schema.org/InStock */
  availability: string;
  offerUrl: string;
  image?: string | undefined;
}

/**
 * A schema.org Course with one onsite CourseInstance: place, dates when known, and an Offer when
 * the price is known, as search engines read course listings.
 */
export function courseJsonLd(input: CourseInput): Record<string, unknown> {
  const instance: Record<string, unknown> = {
    '@type': 'CourseInstance',
    courseMode: 'onsite',
    location: {
      '@type': 'Place',
      name: input.venue ?? input.city,
      address: {
        '@type': 'PostalAddress',
        ...(input.address ? { streetAddress: input.address } : {}),
        addressLocality: input.city,
        ...(input.country ? { addressCountry: input.country } : {}),
      },
    },
    ...(input.startDate ? { startDate: input.startDate } : {}),
    ...(input.endDate ? { endDate: input.endDate } : {}),
    ...(input.workload ? { courseWorkload: input.workload } : {}),
    ...(input.instructors.length > 0 ? { instructor: input.instructors.map((name) => ({ '@type': 'Person', name })) } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: input.title,
    description: input.description,
    url: input.url,
    inLanguage: input.lang,
    provider: { '@type': 'Organization', name: input.provider.name, sameAs: input.provider.url },
    ...(input.image ? { image: input.image } : {}),
    hasCourseInstance: [instance],
    ...(input.price !== undefined
      ? { offers: [{ '@type': 'Offer', category: 'Paid', price: input.price, priceCurrency: input.currency, availability: input.availability, url: input.offerUrl }] }
      : {}),
  };
}

/** Who publishes the site, for a BlogPosting's `publisher`: its name, home and logo. */
export function publisherJsonLd(site: { name: string; url: string; logo: string }): Record<string, unknown> {
  return { '@type': 'Organization', name: site.name, url: site.url, logo: { '@type': 'ImageObject', url: site.logo } };
}

/** Language codes a course's `Language:` header may name, by their names in English and Spanish and their own. */
const COURSE_LANGUAGES = ['en', 'es', 'ca', 'eu', 'gl', 'pt', 'fr', 'de', 'it', 'nl', 'pl', 'ro', 'sv', 'da', 'no', 'fi', 'el', 'tr', 'ru', 'uk', 'ar', 'he', 'hi', 'zh', 'ja', 'ko'];

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The language code a course's `Language:` header means: a code as written (`es`, `pt-BR`), else
 * the first language it names, in English, Spanish or in that language itself; undefined when it
 * names none (the site's language is then assumed).
 *
 * @example languageCodeOf('Spanish (materials in English)') // 'es'
 * @example languageCodeOf('Inglés') // 'en'
 */
export function languageCodeOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(trimmed)) return trimmed;
  const words = fold(trimmed);
  let first: { code: string; at: number } | undefined;
  for (const code of COURSE_LANGUAGES) {
    for (const inLanguage of ['en', 'es', code]) {
      const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code);
      if (!name) continue;
      const at = words.search(new RegExp(`(?:^|[^\\p{L}])${fold(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u'));
      if (at >= 0 && (!first || at < first.at)) first = { code, at };
    }
  }
  return first?.code;
}
