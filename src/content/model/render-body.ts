import { pathToFileURL } from 'node:url';
import type { MarkdownHeading, MarkdownRenderer } from '@astrojs/markdown-remark';
import type { ContentProblem } from '../format/content-error';
import { intrasiteContextFor, type LinkIndex } from './link-index';
import { renderContextOption } from '../../markdown/render-context';
import { summaryBeforeMarker, truncateHtmlWords } from '../../lib/truncate-html';
import { readingMinutes } from '../../lib/format-date';
import { textOfHtml } from '../../lib/plain-text';

/** Pelican's default SUMMARY_MAX_LENGTH: words of the body used when a post has no `Summary:`. */
const SUMMARY_WORDS = 50;

/** One file's Markdown to render: plain data, so that it can go to a worker thread. */
export interface RenderJob {
  /** Path from the content root. */
  sourcePath: string;
  /** Absolute path of the file. */
  path: string;
  /** The path shown in messages. */
  displayPath: string;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** The `Summary:` header, Markdown, when the file has one. */
  summary: string | undefined;
  /** Words of the body a summary takes without one (`SUMMARY_MAX_LENGTH`); `null`: the whole body. Default: 50. */
  summaryWords?: number | null | undefined;
  /** The entry's language: the words the body's own interface has (a heading's link name) are in it. */
  lang?: string | undefined;
}

/** Rendered HTML, in the shape Astro's data store keeps it. */
export interface RenderedHtml {
  html: string;
  metadata: {
    headings: MarkdownHeading[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    imagePaths: string[];
    frontmatter: Record<string, never>;
    /** Minutes the body takes to read, for listings' cards (which must not read every body). */
    readingMinutes?: number;
  };
}

export interface RenderedBody {
  html: RenderedHtml;
  /** The summary as HTML: the `Summary:` header rendered, else the body up to the marker or 50 words. */
  summary: string;
  problems: ContentProblem[];
}

/** Renders a file's body and summary with the site's Markdown renderer, intrasite links resolved. */
export async function renderBody(renderer: MarkdownRenderer, job: RenderJob, links: LinkIndex): Promise<RenderedBody> {
  const problems: ContentProblem[] = [];
  const context = intrasiteContextFor(job.sourcePath, links);
  const fileURL = pathToFileURL(job.path);
  const renderAt = async (markdown: string, firstLine: number): Promise<RenderedHtml> => {
    const frontmatter = renderContextOption({
      links: context,
      ...(job.lang ? { lang: job.lang } : {}),
      report: (message, at) => {
        problems.push({ file: job.displayPath, line: at === undefined ? firstLine : firstLine + at - 1, message });
      },
    });
    const { code, metadata } = await renderer.render(markdown, { fileURL, frontmatter });
    // The render context holds functions: it must not reach the data store.
    const imagePaths = [...metadata.localImagePaths, ...metadata.remoteImagePaths];
    return { html: code, metadata: { ...metadata, frontmatter: {}, imagePaths } };
  };
  const html = await renderAt(job.body, job.bodyLine);
  html.metadata.readingMinutes = readingMinutes(textOfHtml(html.html));
  const summary =
    job.summary === undefined
      ? (summaryBeforeMarker(html.html) ?? (job.summaryWords === null ? html.html : truncateHtmlWords(html.html, job.summaryWords ?? SUMMARY_WORDS)))
      : (await renderAt(job.summary, 1)).html;
  return { html, summary, problems };
}
