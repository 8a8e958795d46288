import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';

/** One metadata value as written, with the 1-based line its key stands on. */
export interface HeaderField {
  /** The key as written (case kept, for messages). */
  key: string;
  /** Every value given for the key, in order: continuation lines, repeated keys and YAML lists add values. */
  values: string[];
  line: number;
  /** Where a value not written in the file came from: the Pelican setting (`FILENAME_METADATA` …). */
  origin?: string;
}

export interface ParsedSource {
  /** Fields by lower-cased key: Pelican's keys are case-insensitive. */
  fields: Map<string, HeaderField>;
  /** The Markdown after the header. */
  body: string;
  /** 1-based line of the source on which `body` starts. */
  bodyLine: number;
  /** Problems that make the file unreadable as a whole (not a field's value). */
  problems: { line: number; message: string }[];
}

// Python-Markdown's `meta` extension, which Pelican's Markdown reader uses.
const META_LINE = /^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
const CONTINUATION_LINE = /^[ ]{4,}(.*)$/;
const YAML_FENCE = /^-{3}\s*$/;
const YAML_END = /^(-{3}|\.{3})\s*$/;

/**
 * Decodes a content file as Pelican does: UTF-8, a leading BOM dropped, CRLF and CR made LF.
 * Returns `undefined` for bytes that are not UTF-8 text (a NUL byte or an invalid sequence).
 *
 * @example decodeSource(Buffer.from('\uFEFFTitle: x\r\n')) // 'Title: x\n'
 */
export function decodeSource(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Splits a Pelican Markdown source into its metadata header and body.
 * Reads the `Key: value` header of Python-Markdown's `meta` extension (the first lines up to a blank
 * line; a line indented 4+ spaces continues the previous value; the first line that is neither ends
 * the header and stays in the body), or YAML front matter between `---` lines (unless `yaml` is
 * false: then, as in Pelican, such a block holds `Key: value` lines too).
 *
 * @example parsePelicanSource('Title: Hi\nTags: a, b\n\nBody').fields.get('tags') // { key: 'Tags', values: ['a, b'], line: 2 }
 */
export function parsePelicanSource(source: string, { yaml = true }: { yaml?: boolean } = {}): ParsedSource {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 0 && YAML_FENCE.test(lines[0] ?? '')) {
    // Pelican's Markdown reader takes a `---` block as `Key: value` lines, not YAML (`title: A #2` keeps its `#2`).
    if (!yaml) return readMetaHeader(lines, 1);
    const end = lines.findIndex((line, index) => index > 0 && YAML_END.test(line));
    // Python-Markdown's meta extension also accepts `---`-fenced `Key: value` headers, so only
    // treat the block as YAML when it parses as a YAML mapping.
    if (end > 0) {
      const yaml = readYamlHeader(lines.slice(1, end).join('\n'), 2);
      if (yaml) return { ...yaml, ...bodyFrom(lines, end + 1) };
    }
    return readMetaHeader(lines, 1);
  }
  return readMetaHeader(lines, 0);
}

function bodyFrom(lines: string[], index: number): Pick<ParsedSource, 'body' | 'bodyLine'> {
  return { body: lines.slice(index).join('\n'), bodyLine: index + 1 };
}

function readMetaHeader(lines: string[], start: number): ParsedSource {
  const fields = new Map<string, HeaderField>();
  let current: HeaderField | undefined;
  let index = start;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index++;
      break;
    }
    if (start > 0 && YAML_END.test(line)) {
      index++;
      break;
    }
    const meta = META_LINE.exec(line);
    if (meta) {
      const [, key = '', value = ''] = meta;
      const name = key.toLowerCase();
      const existing = fields.get(name);
      current = existing ?? { key, values: [], line: index + 1 };
      current.values.push(value.trim());
      fields.set(name, current);
      continue;
    }
    const more = CONTINUATION_LINE.exec(line);
    if (more && current) {
      current.values.push((more[1] ?? '').trim());
      continue;
    }
    break;
  }
  return { fields, problems: [], ...bodyFrom(lines, index) };
}

function readYamlHeader(
  source: string,
  firstLine: number,
): Pick<ParsedSource, 'fields' | 'problems'> | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: false });
  const fields = new Map<string, HeaderField>();
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      line: firstLine - 1 + (error.linePos?.[0].line ?? 1),
      message: `front matter is not valid YAML: ${error.message.split('\n')[0]}`,
    }));
    return { fields, problems };
  }
  if (!isMap(document.contents)) return undefined;
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const offset = pair.key.range?.[0] ?? 0;
    const line = firstLine - 1 + lineCounter.linePos(offset).line;
    const values = isSeq(pair.value)
      ? pair.value.items.map((item) => yamlScalarText(item))
      : [yamlScalarText(pair.value)];
    const name = key.toLowerCase();
    const existing = fields.get(name);
    if (existing) existing.values.push(...values);
    else fields.set(name, { key, values, line });
  }
  return { fields, problems: [] };
}

function yamlScalarText(node: unknown): string {
  if (isScalar(node)) {
    const value = node.value;
    if (value instanceof Date) return value.toISOString();
    return value === null || value === undefined ? '' : String(value).trim();
  }
  return node === null || node === undefined ? '' : String(node).trim();
}
