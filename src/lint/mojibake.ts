/**
 * Text that was UTF-8 but was read in a one-byte encoding somewhere on its way ("Muñoz" saved as
 * "Mu√±oz"): finding it, and undoing it. The encodings are the three that do this in practice:
 * Windows-1252 (and Latin-1, its subset), and Mac Roman (old Mac editors and mail).
 */

/** The one-byte encodings a UTF-8 text is commonly mis-read as, by their WHATWG label. */
export const MISREAD_AS = ['windows-1252', 'macintosh', 'iso-8859-1'] as const;
export type Misreading = (typeof MISREAD_AS)[number];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Character → byte of a one-byte encoding, built by decoding every byte once. */
const encoders = new Map<Misreading, Map<string, number>>();
function encoderOf(encoding: Misreading): Map<string, number> {
  let table = encoders.get(encoding);
  if (!table) {
    table = new Map();
    // WHATWG maps the label iso-8859-1 to windows-1252: Latin-1 proper is the first 256 code points.
    const decode =
      encoding === 'iso-8859-1' ? (byte: number) => String.fromCharCode(byte) : (byte: number) => new TextDecoder(encoding).decode(Uint8Array.of(byte));
    for (let byte = 0x80; byte <= 0xff; byte += 1) {
      const char = decode(byte);
      if (char !== '\uFFFD' && !table.has(char)) table.set(char, byte);
    }
    encoders.set(encoding, table);
  }
  return table;
}

/** Runs of non-ASCII characters: a mis-read UTF-8 sequence is always one (its bytes are all ≥ 0x80). */
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;

/** One run repaired, if reading its characters back as bytes of `encoding` gives UTF-8 text. */
function repairRun(run: string, encoding: Misreading): string | undefined {
  const table = encoderOf(encoding);
  const bytes: number[] = [];
  for (const char of run) {
    const byte = table.get(char);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  try {
    const text = utf8.decode(Uint8Array.from(bytes));
    // Real UTF-8 is shorter than its mis-reading: two or more characters become one.
    return text.length < run.length ? text : undefined;
  } catch {
    return undefined;
  }
}

export interface MojibakeFinding {
  /** The text with every mis-read run repaired. */
  repaired: string;
  encoding: Misreading;
  /** 0-based index of the first mis-read run. */
  index: number;
}

/**
 * Finds mis-decoded UTF-8 in a text and repairs it, trying each encoding in turn and keeping the
 * first that explains the text. Text that is already right never changes: a lone "ñ" or "é" is not
 * valid UTF-8 when read back as bytes.
 *
 * @example findMojibake('Pedro Mu√±oz Botas') // { repaired: 'Pedro Muñoz Botas', encoding: 'macintosh', index: 8 }
 * @example findMojibake('Pedro Muñoz Botas') // undefined
 */
export function findMojibake(text: string): MojibakeFinding | undefined {
  for (const encoding of MISREAD_AS) {
    let index = -1;
    const repaired = text.replace(NON_ASCII_RUN, (run, at: number) => {
      const fixed = repairRun(run, encoding);
      if (fixed === undefined) return run;
      if (index < 0) index = at;
      return fixed;
    });
    if (index >= 0) return { repaired, encoding, index };
  }
  return undefined;
}
