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
