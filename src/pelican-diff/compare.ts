import type { Block } from './body-blocks';

/** What a difference is about, as the migration report groups them. */
export type DiffCategory = 'heading' | 'list' | 'code' | 'table' | 'footnote' | 'math' | 'link' | 'image' | 'text';

/** One block Pelican shows and we do not, or the other way round, or shown differently. */
export interface BlockChange {
  category: DiffCategory;
  pelican?: Block;
  ours?: Block;
}

/** What two blocks must share to be the same; a heading's id only counts where both sides give one. */
const key = (block: Block) => `${block.kind.replace(/#.*$/, '')}\0${block.text}`;
const sameIds = (a: Block, b: Block) => !a.kind.includes('#') || !b.kind.includes('#') || a.kind === b.kind;
const LINK = /\]\(([^)]*)\)/g;
const links = (block: Block | undefined) => [...(block?.text.matchAll(LINK) ?? [])].map((match) => match[1]).join(' ');
const images = (block: Block | undefined) => [...(block?.text.matchAll(/!\[[^\]]*\]\(([^)]*)\)/g) ?? [])].map((match) => match[1]).join(' ');

function kindCategory(kind: string): DiffCategory {
  if (/^h\d$/.test(kind)) return 'heading';
  if (kind.startsWith('li') || kind === 'dt' || kind === 'dd') return 'list';
  if (kind === 'pre') return 'code';
  if (kind === 'tr' || kind === 'caption') return 'table';
  if (kind === 'footnote') return 'footnote';
  if (kind === 'math') return 'math';
  return 'text';
}

/** The category of a change: the block's kind, unless what differs is its math, images or links. */
export function categoryOf(pelican: Block | undefined, ours: Block | undefined): DiffCategory {
  const kinds = [pelican?.kind, ours?.kind].filter((kind): kind is string => kind !== undefined).map(kindCategory);
  const structural = kinds.find((kind) => kind !== 'text');
  if (pelican && ours && pelican.kind === ours.kind) {
    if (/\$/.test(pelican.text + ours.text) && pelican.text.replace(/\$[^$]*\$/g, '') !== ours.text.replace(/\$[^$]*\$/g, '')) return 'math';
    if (images(pelican) !== images(ours)) return 'image';
    if (links(pelican) !== links(ours)) return 'link';
  }
  return structural ?? (images(pelican ?? ours) ? 'image' : 'text');
}

/**
 * The blocks that differ between Pelican's body and ours, in order: a longest common
 * subsequence of the two, and what is left on either side, paired up where they stand together.
 */
export function diffBlocks(pelican: readonly Block[], ours: readonly Block[]): BlockChange[] {
  const a = pelican.map(key);
  const b = ours.map(key);
  const same = (i: number, j: number) => a[i] === b[j] && sameIds(pelican[i]!, ours[j]!);
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = same(i, j) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const changes: BlockChange[] = [];
  let removed: Block[] = [];
  let added: Block[] = [];
  const pairUp = () => {
    const count = Math.max(removed.length, added.length);
    for (let k = 0; k < count; k++) {
      const [gone, come] = [removed[k], added[k]];
      const change: BlockChange = { category: categoryOf(gone, come) };
      if (gone) change.pelican = gone;
      if (come) change.ours = come;
      changes.push(change);
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(i, j)) {
      pairUp();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      removed.push(pelican[i++]!);
    } else {
      added.push(ours[j++]!);
    }
  }
  pairUp();
  return changes;
}
