import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkAttributeLists from './remark-attribute-lists';
import rehypeBlankTargetRel from './rehype-blank-target-rel';
import rehypeHeadingsBelowTitle from './rehype-headings-below-title';

/**
 * The site's remark/rehype pipeline, shared by `astro.config.mjs` and the tests that render
 * Markdown through the real processor.
 */
export const markdownPipeline = {
  remarkPlugins: [remarkAttributeLists],
  rehypePlugins: [rehypeHeadingsBelowTitle, rehypeBlankTargetRel],
  // Pelican leaves quotes straight unless TYPOGRIFY is on; so do we, and `{:key="v"}` stays parseable.
  smartypants: false,
} satisfies UnifiedProcessorOptions;

/** Shiki themes for code blocks, one per colour scheme; CSS picks one. */
export const shikiConfig = {
  themes: { light: 'github-light', dark: 'github-dark' },
  defaultColor: false,
} as const;
