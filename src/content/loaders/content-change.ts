/**
 * What the dev server's `content-refresh` integration tells the loaders it runs again after an
 * edit (their `refreshContextData`).
 */
export type ContentChange = {
  /** The files that changed since the last refresh, relative to the content folder, `/`-separated. */
  changedFiles: string[];
};

/** Whether a loader's `refreshContextData` is a change `content-refresh` reported. */
export function isContentChange(data: unknown): data is ContentChange {
  return typeof data === 'object' && data !== null && Array.isArray((data as Partial<ContentChange>).changedFiles);
}
