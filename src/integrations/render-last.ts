import type { AstroIntegration, AstroPrerenderer } from 'astro';
import type { Plugin } from 'vite';

/**
 * Prerenders the routes of the given components after every other page. Astro renders routes
 * in priority order, so `/social/[card].jpg` came before the posts, and the build waited on
 * libvips for each card while the JavaScript thread stood idle. Rendered last, the cards are
 * drawn on libvips' threads while the pages are rendered (they start drawing when Astro asks the
 * route for its paths), and most are ready when their turn comes (`npm run bench`, 1,000 posts:
 * prerendering took 11.6 s instead of 13.7 s).
 */
export default function renderLast(components: readonly string[]): AstroIntegration {
  return {
    name: 'render-last',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        // With a prerenderer of its own set, Astro leaves the prerender bundle's entry to the
        // adapter (a non-Node runtime brings its own); ours renders in Node like Astro's.
        const plugin: Plugin = {
          name: 'render-last:prerender-entry',
          configEnvironment(name, config) {
            if (name !== 'prerender') return;
            const options = ((config.build ??= {}).rolldownOptions ??= {});
            options.input ??= 'astro/entrypoints/prerender';
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((astro: AstroPrerenderer): AstroPrerenderer => ({
          ...astro,
          name: 'render-last',
          setup: async () => astro.setup?.(),
          async getStaticPaths() {
            const paths = await astro.getStaticPaths();
            const last = (path: (typeof paths)[number]) => components.includes(path.route.component);
            return [...paths.filter((path) => !last(path)), ...paths.filter(last)];
          },
          render: (request, options) => astro.render(request, options),
          teardown: async () => astro.teardown?.(),
        }));
      },
    },
  };
}
