import type { HeaderField } from './pelican-header';
import { pythonRegex } from '../../lib/python-regex';

/** Pelican's settings that give an entry metadata from its path and the site's defaults. */
export interface PathMetadataSettings {
  /** `EXTRA_PATH_METADATA`: by file or folder path from the content root. */
  extraPathMetadata: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `PATH_METADATA`: a Python regex matched at the start of the path; its named groups are metadata. */
  pathMetadata: string;
  /** `FILENAME_METADATA`: the same on the file name without its extension. */
  filenameMetadata: string;
  /** `USE_FOLDER_AS_CATEGORY`: the folder a file is in names its category. */
  useFolderAsCategory: boolean;
  /** `DEFAULT_CATEGORY`. */
  defaultCategory: string;
  /** `DEFAULT_METADATA`. */
  defaultMetadata: Readonly<Record<string, string>>;
  /** `DEFAULT_DATE`: `fs` for the file's modification time, a date, or `null`. */
  defaultDate: string | null;
}

/** What this project did before it read Pelican's settings, and what Pelican does by default. */
export const PELICAN_PATH_METADATA: PathMetadataSettings = {
  extraPathMetadata: {},
  pathMetadata: '',
  filenameMetadata: '(?P<date>\\d{4}-\\d{2}-\\d{2}).*',
  useFolderAsCategory: true,
  defaultCategory: 'misc',
  defaultMetadata: {},
  defaultDate: null,
};

/** A time as this machine's clock shows it, without a zone: `2019-06-04 10:30:15.250`. */
function localWallTime(time: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}.${pad(time.getMilliseconds(), 3)}`;
}

/**
 * The metadata an entry gets before its own header is read, as Pelican's readers give it
 * (pelican/readers.py: `default_metadata`, then `path_metadata`, then `parse_path_metadata`,
 * each overriding the one before). Keys are lower-case, as in a parsed header; a field's
 * `origin` names the setting it comes from, for messages.
 *
 * @param relativePath the file's path from the content root, `/` separators
 * @param modified the file's modification time, for `DEFAULT_DATE = 'fs'`
 */
export function pathMetadataFields(relativePath: string, settings: PathMetadataSettings, modified?: Date): Map<string, HeaderField> {
  const fields = new Map<string, HeaderField>();
  const set = (key: string, value: string, origin: string) => fields.set(key.toLowerCase(), { key, values: [value], line: 1, origin });

  for (const [key, value] of Object.entries(settings.defaultMetadata)) set(key, value, 'DEFAULT_METADATA');
  set('category', settings.defaultCategory, 'DEFAULT_CATEGORY');
  if (settings.defaultDate && settings.defaultDate !== 'fs') set('date', settings.defaultDate, 'DEFAULT_DATE');

  if (settings.defaultDate === 'fs' && modified) {
    // Pelican takes the time as the machine's clock shows it (`datetime.fromtimestamp`) and reads
    // it in the site's zone, as a date written without one; so do we, for the same dates.
    const wall = localWallTime(modified);
    set('date', wall, "DEFAULT_DATE = 'fs'");
    set('modified', wall, "DEFAULT_DATE = 'fs'");
  }
  // Sorted, so a file's own entry (longer) comes after its folder's and wins.
  for (const [path, metadata] of Object.entries(settings.extraPathMetadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const folder = path.endsWith('/') ? path : `${path}/`;
    if (relativePath === path || relativePath.startsWith(folder)) {
      for (const [key, value] of Object.entries(metadata)) set(key, value, 'EXTRA_PATH_METADATA');
    }
  }

  const slash = relativePath.lastIndexOf('/');
  const folder = slash === -1 ? '' : relativePath.slice(0, slash);
  const fileName = relativePath.slice(slash + 1);
  const base = fileName.includes('.') && !fileName.startsWith('.') ? fileName.slice(0, fileName.lastIndexOf('.')) : fileName;
  const fromPath = new Map<string, HeaderField>();
  const checks: [string, string, string][] = [
    [settings.filenameMetadata, base, 'FILENAME_METADATA'],
    [settings.pathMetadata, relativePath, 'PATH_METADATA'],
  ];
  if (settings.useFolderAsCategory) checks.push(['(?P<category>.*)', folder.split('/').at(-1) ?? '', 'USE_FOLDER_AS_CATEGORY']);
  for (const [pattern, text, origin] of checks) {
    if (!pattern || !text) continue;
    const groups = pythonRegex(pattern, { anchored: true }).exec(text)?.groups ?? {};
    for (const [key, value] of Object.entries(groups)) {
      const name = key.toLowerCase();
      // The first of the three to give a key keeps it.
      if (value !== undefined && !fromPath.has(name)) fromPath.set(name, { key: name, values: [value], line: 1, origin });
    }
  }
  for (const [key, field] of fromPath) fields.set(key, field);
  return fields;
}
