import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { LINKS_SOURCE, renderContextOf } from './render-context';

/**
 * rehype plugin, last of the pipeline's own: hands the messages the plugins left on the file
 * (`file.message`: a link that leads nowhere, a missing image) to the Pelican loader, which turns
 * them into `file:line` problems. Astro's renderer returns the HTML and metadata but not the
 * file's messages; the render context, which the loader passes in, carries them out.
 */
export default function rehypeReportMessages() {
  return (_tree: Root, file: VFile) => {
    const context = renderContextOf(file);
    if (!context) return;
    const seen = new Set<string>();
    for (const message of file.messages) {
      // Only the loader's own: other plugins' notes (KaTeX's) stay as they were, out of the build's problems.
      if (message.source !== LINKS_SOURCE) continue;
      // A broken Markdown link is seen by the remark pass and again, as HTML, by the rehype pass.
      const key = `${message.line}\0${message.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      context.report(message.reason, message.line);
    }
  };
}
