import type { Html, PhrasingContent, Root, Text } from 'mdast';
import { escapeAttribute } from 'entities';
import { SKIP, visit } from 'unist-util-visit';

/** The liquid tags this plugin writes. */
export type LiquidTag = 'youtube' | 'vimeo' | 'img' | 'video';

export interface Options {
  /** The tags the site's `PLUGINS` enable (`liquid_tags.youtube` …). Default: all four. */
  tags?: readonly LiquidTag[];
}

const TAG = /\{%\s*(youtube|vimeo|img|video)\s+([^%]*?)\s*%\}/g;
const attribute = (name: string, value: string | undefined) => (value ? ` ${name}="${escapeAttribute(value)}"` : '');
const isSize = (value: string | undefined) => value !== undefined && /^\d+(?:px|%)?$/.test(value);

/** `{% youtube ID [width height] %}`, `{% vimeo ID [width height] %}`: the player, in Pelican's `videobox`. */
function player(kind: 'youtube' | 'vimeo', args: string[]): string | undefined {
  const [id, width = '640', height = '390'] = args;
  if (!id || !/^[\w-]+$/.test(id)) return undefined;
  // youtube-nocookie: the same player, without YouTube's cookies until the reader plays it.
  const src = kind === 'youtube' ? `https://www.youtube-nocookie.com/embed/${id}` : `https://player.vimeo.com/video/${id}?title=0&byline=0&portrait=0`;
  return `<span class="videobox"><iframe${attribute('width', width)}${attribute('height', height)}${attribute('src', src)} title="${kind === 'youtube' ? 'YouTube' : 'Vimeo'} video" allowfullscreen loading="lazy"></iframe></span>`;
}

/** `{% img [class…] src [width [height]] ["title" ["alt"]] %}`, as liquid_tags' img reads it. */
function image(args: string): string | undefined {
  const match = /^(?<classes>(?:[^\s/"'][^\s]*\s+)*?)(?<src>(?:https?:\/\/|\/|\S+\.\w+)\S*)(?:\s+(?<width>\d+%?|\d+px))?(?:\s+(?<height>\d+%?|\d+px))?(?:\s+(?<rest>.*))?$/.exec(args.trim());
  if (!match?.groups) return undefined;
  const { classes = '', src = '', width, height, rest = '' } = match.groups;
  const quoted = [...rest.matchAll(/"([^"]*)"|'([^']*)'/g)].map((found) => found[1] ?? found[2] ?? '');
  const title = quoted[0] ?? (rest.trim() || undefined);
  const alt = quoted[1] ?? title ?? '';
  return `<img${attribute('class', classes.trim())}${attribute('src', src)}${attribute('width', width)}${attribute('height', height)}${attribute('title', title)} alt="${escapeAttribute(alt)}">`;
}

/** `{% video url [width height] [poster] %}`. */
function video(args: string[]): string | undefined {
  const [src, ...rest] = args;
  if (!src) return undefined;
  const sizes = rest.filter(isSize);
  const poster = rest.find((arg) => !isSize(arg));
  return `<span class="videobox"><video${attribute('width', sizes[0])}${attribute('height', sizes[1])} preload="none" controls${attribute('poster', poster)}><source${attribute('src', src)}></video></span>`;
}

/**
 * remark plugin for the liquid tags of Pelican's `liquid_tags` plugin that sites use most:
 * `{% youtube %}`, `{% vimeo %}`, `{% img %}` and `{% video %}` become the player or image the
 * plugin writes, for the tags the site's `PLUGINS` enable. Others stay as written, as they do on a
 * Pelican site without the plugin.
 */
export default function remarkLiquidTags(options: Options = {}) {
  const enabled = new Set<string>(options.tags ?? ['youtube', 'vimeo', 'img', 'video']);
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('{%')) return undefined;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(TAG)) {
        const [whole, tag = '', args = ''] = match;
        if (!enabled.has(tag)) continue;
        const words = args.split(/\s+/).filter(Boolean);
        const html = tag === 'img' ? image(args) : tag === 'video' ? video(words) : player(tag as 'youtube' | 'vimeo', words);
        if (html === undefined) continue;
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
        parts.push({ type: 'html', value: html } satisfies Html);
        last = match.index + whole.length;
      }
      if (parts.length === 0) return undefined;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
