/**
 * Pelican's default `slugify`: accents folded to ASCII, anything but word characters, spaces and
 * hyphens dropped, runs of spaces and hyphens made one hyphen, lower case. Matching it keeps the
 * URLs of a site moved from Pelican.
 *
 * @example slugify('Análisis de datos: ¿por qué falla el 99%?') // 'analisis-de-datos-por-que-falla-el-99'
 */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[^\x00-\x7F]/g, '')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[-\s]+/g, '-')
    .toLowerCase();
}
