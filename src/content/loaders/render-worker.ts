// A worker thread that renders Markdown for the Pelican loader: the same processor and options as
// the main thread, so that a post comes out byte for byte the same wherever it was rendered.
import { parentPort, workerData } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import type { LinkIndex } from '../model/link-index';
import { renderBody, type RenderJob } from '../model/render-body';
import { markdownProcessorFor, shikiConfig, type MarkdownSettings } from '../../markdown/pipeline';

interface WorkerData {
  options: Omit<AstroMarkdownOptions, 'shikiConfig'>;
  links: LinkIndex;
  markdown: MarkdownSettings;
}

const { options, links, markdown } = workerData as WorkerData;
const renderer = markdownProcessorFor(markdown).createRenderer({ ...options, shikiConfig } as AstroMarkdownOptions);

parentPort?.on('message', async ({ id, job }: { id: number; job: RenderJob }) => {
  try {
    parentPort?.postMessage({ id, result: await renderBody(await renderer, job, links) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
