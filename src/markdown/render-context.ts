import type { VFile } from 'vfile';
import type { IntrasiteContext } from '../content/format/intrasite-links';

/**
 * What the Pelican loader tells the Markdown plugins about the file being rendered. It travels in
 * the `frontmatter` render option, the one per-file channel Astro's renderer has.
 */
export interface PelicanRenderContext {
  links: IntrasiteContext;
  /** The entry's language, for the words the plugins write (a heading's link name). */
  lang?: string;
  /** Records a problem at a line of the Markdown being rendered: the plugins' `file.message`s, handed over by rehype-report-messages.ts. */
  report: (message: string, line: number | undefined) => void;
}

const KEY = 'pelicanRenderContext';

/** The `source` of the messages the Pelican loader reports (links and images that lead nowhere). */
export const LINKS_SOURCE = 'pelican-links';

/** The frontmatter option that carries a render context. */
export function renderContextOption(context: PelicanRenderContext): Record<string, unknown> {
  return { [KEY]: context };
}

/** The render context of a file, when the Pelican loader renders it. */
export function renderContextOf(file: VFile): PelicanRenderContext | undefined {
  return file.data.astro?.frontmatter?.[KEY] as PelicanRenderContext | undefined;
}
