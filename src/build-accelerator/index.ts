// The fence: the only code that reaches into Astro's private build internals and experimental
// APIs (the prerenderer it replaces, the content store module it swaps, Astro's renderer re-made
// on worker threads). Nothing outside this folder may import `astro/app`, `astro/entrypoints/*`,
// Astro's virtual modules or private fields: `scripts/check-fence.mjs` fails CI when something does.
import type { AstroIntegration } from 'astro';
import dataStoreFile from './data-store-file';
import parallelPrerender, { type ParallelPrerenderOptions } from './prerender/parallel-prerender';
import { standDownReason } from './active';

export interface BuildAcceleratorOptions extends ParallelPrerenderOptions {
  /** The environment, for `BUILD_ACCELERATOR=off`: Astro's own prerenderer and content store build the site, byte for byte the same, slower. */
  env: Record<string, string | undefined>;
}

type Hooks = AstroIntegration['hooks'];

/**
 * Faster cold builds on two cores, as one opt-in integration: pages prerendered on worker threads
 * beside the main thread (`prerender/`), the content store read from a file instead of a bundled
 * module (`data-store-file.ts`), and, through the content config, post bodies kept in files of
 * their own rather than in the store (`src/content/model/rendered-html.ts`). It checks the installed Astro first, and turns itself off,
 * with one log line, on a version it does not know.
 */
export default function buildAccelerator(options: BuildAcceleratorOptions): AstroIntegration {
  const reason = standDownReason(options.env);
  const parts = reason ? [] : [dataStoreFile(), parallelPrerender(options)];
  const hooks: Record<string, (...args: never[]) => unknown> = {};
  for (const name of new Set(parts.flatMap((part) => Object.keys(part.hooks)))) {
    // Each hook runs its parts' hooks in order, as if they were two integrations side by side.
    hooks[name] = async (...args: never[]) => {
      for (const part of parts) await (part.hooks as Record<string, ((...args: never[]) => unknown) | undefined>)[name]?.(...args);
    };
  }
  const setup = hooks['astro:config:setup'];
  hooks['astro:config:setup'] = async (...args: never[]) => {
    const [{ command, logger }] = args as unknown as [{ command: string; logger: { info: (message: string) => void } }];
    if (reason && command === 'build') logger.info(reason);
    await setup?.(...args);
  };
  return { name: 'build-accelerator', hooks: hooks as Hooks };
}
