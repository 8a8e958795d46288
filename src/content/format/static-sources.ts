import { readerOf, type ContentLayout } from './content-files';
import { decodeSource, parsePelicanSource } from './pelican-header';
import { missingRequiredField, readEntryMetadata, type EntryKind, type MetadataSettings } from './pelican-metadata';
import { parseHtmlEntry } from './readers/html-reader';

/**
 * Whether a source file (`.md`, `.html`) is one Pelican does not publish as an entry (no title,
 * or an article without a date): in `STATIC_PATHS`, Pelican then copies it as a static file,
 * so a `{static}` link to an HTML demo page keeps working (STATIC_EXCLUDE_SOURCES excludes only
 * the sources it read).
 */
export function isSkippedSource(relativePath: string, bytes: Uint8Array, kind: EntryKind, settings: MetadataSettings, layout?: ContentLayout): boolean {
  const reader = readerOf(relativePath, layout);
  if (reader === 'rst' || reader === undefined) return false;
  const text = decodeSource(bytes);
  if (text === undefined) return true;
  const parsed = reader === 'html' ? parseHtmlEntry(text) : parsePelicanSource(text, { yaml: settings.yamlHeaders ?? true });
  const { metadata } = readEntryMetadata(parsed, relativePath, settings);
  return missingRequiredField(metadata, kind) !== undefined;
}
