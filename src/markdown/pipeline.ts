import {
  rehypeHeadingIds,
  unified,
  type AstroMarkdownOptions,
  type RehypePlugins,
  type RemarkPlugins,
  type ShikiConfig,
  type UnifiedProcessorOptions,
} from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import { defListHastHandlers, remarkDefinitionList } from 'remark-definition-list';
import remarkMath from 'remark-math';
import rehypeBlankTargetRel from './rehype-blank-target-rel';
import rehypeHeadingsBelowTitle from './rehype-headings-below-title';
import remarkAbbreviations from './remark-abbreviations';
import remarkAttributeLists, { type Options as AttributeListOptions } from './remark-attribute-lists';
import remarkCodehilite from './remark-codehilite';
import remarkIntrasiteLinks from './remark-intrasite-links';
import rehypeIntrasiteLinks from './rehype-intrasite-links';
import rehypeRawWhenNeeded from './rehype-raw-when-needed';
import rehypeReportMessages from './rehype-report-messages';
import remarkMarkdownInHtml from './remark-markdown-in-html';
import remarkTocMarker from './remark-toc-marker';
import remarkBreaks from 'remark-breaks';
import remarkPythonMarkdown, { type Options as PythonMarkdownOptions } from './remark-python-markdown';
import remarkPythonFootnotes from './remark-python-footnotes';
import remarkLiquidTags, { type LiquidTag, type Options as LiquidOptions } from './remark-liquid-tags';
import rehypePythonMarkdownToc, { type Options as TocOptions } from './rehype-python-markdown-toc';
import rehypeHeadingAnchors from './rehype-heading-anchors';
import { shikiCodeFrame } from './shiki-code-frame';
import { shikiLineNumbers } from './shiki-line-numbers';

/**
 * How a site's Markdown is read where this project and Pelican differ: `project` (GFM and the
 * Python-Markdown extras, headings moved below the page title) or `python-markdown`, Pelican's, for
 * a site moved from Pelican (a `pelicanconf.py`), which keeps its pages as its readers know them.
 */
export type MarkdownDialect = 'project' | 'python-markdown';

/** The site's Markdown settings (`markdown` in the site configuration), as plain data worker threads can take. */
export interface MarkdownSettings {
  dialect: MarkdownDialect;
  /**
   * For `python-markdown`: the Python-Markdown extensions the site enables (Pelican's `MARKDOWN`),
   * by short name (`toc`, `admonition` …), with their options.
   */
  extensions?: Record<string, Record<string, unknown>>;
  /** `$…$` and `$$…$$` are math (KaTeX). Default: true; a Pelican site has math with render_math only. */
  math?: boolean;
  /** For `python-markdown`: the liquid tags the site's `liquid_tags` plugin enables. Default: none. */
  liquidTags?: LiquidTag[];
}

/** This project's own Markdown. */
export const PROJECT_MARKDOWN: MarkdownSettings = { dialect: 'project' };

/**
 * The site's remark/rehype pipeline: Markdown as Pelican's Python-Markdown (`extra`,
 * `codehilite`, `toc`) and its render_math plugin render it. Shared by `astro.config.mjs` and the
 * tests that render through the real processor. Astro adds GFM (tables, footnotes) for the
 * `project` dialect, Shiki and heading ids around these.
 */
export function markdownPipelineFor({ dialect, extensions = {}, math = true, liquidTags = [] }: MarkdownSettings) {
  const python = dialect === 'python-markdown';
  const toc = extensions['toc'];
  const remarkPlugins: RemarkPlugins = [
    ...(python ? [[remarkPythonMarkdown, { admonition: 'admonition' in extensions, saneLists: 'sane_lists' in extensions }] as [typeof remarkPythonMarkdown, PythonMarkdownOptions]] : []),
    // Python-Markdown's `nl2br`: a line break in a paragraph is a `<br>`.
    ...(python && extensions['nl2br'] ? [remarkBreaks] : []),
    ...(python && liquidTags.length > 0 ? [[remarkLiquidTags, { tags: liquidTags }] as [typeof remarkLiquidTags, LiquidOptions]] : []),
    // First: it parses HTML blocks' inner Markdown, which the plugins below then see.
    remarkMarkdownInHtml,
    remarkDefinitionList,
    ...(math ? [remarkMath] : []),
    remarkAbbreviations,
    // Python-Markdown's footnote ids and numbers, which authors link to (`#fn:1`).
    ...(python && (extensions['footnotes'] || extensions['extra']) ? [remarkPythonFootnotes] : []),
    // Python-Markdown reads any word in braces as an attribute; our own posts keep odd braces as text.
    [remarkAttributeLists, { anyWord: python }] as [typeof remarkAttributeLists, AttributeListOptions],
    remarkCodehilite,
    // Python-Markdown leaves `[TOC]` as it is unless the site enables `toc`.
    ...(python && !toc ? [] : [remarkTocMarker]),
    // Before Astro collects images: `{static}` images must be URLs by then.
    remarkIntrasiteLinks,
  ];
  const rehypePlugins: RehypePlugins = [
    // Parse raw HTML now (Astro does it last) so the plugins below see authors' HTML as elements;
    // posts without any are left alone.
    rehypeRawWhenNeeded,
    rehypeIntrasiteLinks,
    ...(math ? [[rehypeKatex, { throwOnError: false, strict: 'ignore' }] as [typeof rehypeKatex, object]] : []),
    ...(python ? [] : [rehypeHeadingsBelowTitle]),
    rehypeBlankTargetRel,
    // Python-Markdown's heading ids, which the site's readers and other sites link to.
    ...(python && toc ? [[rehypePythonMarkdownToc, tocOptions(toc)] as [typeof rehypePythonMarkdownToc, TocOptions]] : []),
    // Ids now (Astro adds them last), so the anchor links below have something to point to.
    rehypeHeadingIds,
    // Not beside Python-Markdown's own permalinks: one link a heading.
    ...(python && toc?.['permalink'] ? [] : [rehypeHeadingAnchors]),
    // Last: the plugins' messages (file.message) go to the loader as problems with their lines.
    rehypeReportMessages,
  ];
  return {
    remarkPlugins,
    rehypePlugins,
    remarkRehype: { handlers: defListHastHandlers },
    // Pelican leaves quotes straight unless TYPOGRIFY is on (or the site enables Python-Markdown's
    // `smarty`); so do we, and `{:key="v"}` stays parseable.
    smartypants: python && extensions['smarty'] ? { dashes: 'oldschool' } : false,
  } satisfies UnifiedProcessorOptions;
}

/** `toc`'s options as Python-Markdown names them (`anchorlink`, `permalink`, `baselevel`, `slugify`, `separator`). */
function tocOptions(config: Record<string, unknown>): TocOptions {
  const options: TocOptions = {};
  if (config['anchorlink'] !== undefined) options.anchorlink = Boolean(config['anchorlink']);
  if (typeof config['permalink'] === 'boolean' || typeof config['permalink'] === 'string') options.permalink = config['permalink'];
  if (typeof config['baselevel'] === 'number' || typeof config['baselevel'] === 'string') options.baselevel = config['baselevel'];
  if (typeof config['separator'] === 'string') options.separator = config['separator'];
  if (String(config['slugify'] ?? '').includes('unicode')) options.unicodeIds = true;
  return options;
}

/** This project's own pipeline. */
export const markdownPipeline = markdownPipelineFor(PROJECT_MARKDOWN);

/** Shiki themes for code blocks, one per colour scheme; CSS picks one. */
export const shikiConfig: ShikiConfig = {
  themes: { light: 'github-light', dark: 'github-dark' },
  defaultColor: false,
  transformers: [shikiLineNumbers, shikiCodeFrame],
};

/**
 * The renderer options Astro's content layer passes by default (Shiki, GFM), for code that renders
 * outside Astro: `npm run check`, and the tests of the render pool.
 */
export const rendererDefaults = {
  syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
  gfm: true,
  smartypants: false,
} as const satisfies Omit<AstroMarkdownOptions, 'shikiConfig'>;

/** The site's Markdown processor: `astro.config.mjs` gives it to Astro, the loader's workers use it too. */
export const markdownProcessorFor = (settings: MarkdownSettings) => unified(markdownPipelineFor(settings));

/** This project's own Markdown processor. */
export const markdownProcessor = markdownProcessorFor(PROJECT_MARKDOWN);
