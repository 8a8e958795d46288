import type { MetadataSettings } from '../content/format/pelican-metadata';
import type { UrlPatterns } from '../lib/url-patterns';
import type { SiteConfig } from './site-schema';

/** What reading an entry needs of the site's settings: the loaders, `npm run check` and the static files' copy read it alike. */
export type EntrySettings = MetadataSettings & { urls: UrlPatterns; summaryWords: number | null };

/** The entry-reading settings of a site configuration. */
export function entrySettingsOf(site: SiteConfig): EntrySettings {
  return {
    timeZone: site.timeZone,
    defaultAuthor: site.defaultAuthor,
    defaultLang: site.language,
    urls: site.urls,
    pathMetadata: site.content,
    dateOrder: site.content.dateOrder,
    yamlHeaders: site.content.yamlHeaders,
    slugs: site.slugs,
    summaryWords: site.content.summaryMaxLength,
  };
}
