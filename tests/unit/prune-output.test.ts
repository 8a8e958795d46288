import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTimes, staleFiles } from '../../src/integrations/prune-output';

describe('staleFiles', () => {
  it('is what was there before, was not written since, and was not kept', () => {
    const before = new Map([
      ['old-page.html', 1],
      ['kept-page.html', 1],
      ['rewritten.css', 1],
    ]);
    const after = new Map([
      ['old-page.html', 1],
      ['kept-page.html', 1],
      ['rewritten.css', 5],
      ['new.js', 5],
    ]);
    expect(staleFiles(before, after, new Set(['kept-page.html']))).toEqual(['old-page.html']);
  });
});

describe('fileTimes', () => {
  it('lists every file under a folder with its time, and nothing for a missing folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'times-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'page.html'), 'x');
    writeFileSync(join(dir, 'top.css'), 'y');
    const times = fileTimes(dir);
    expect([...times.keys()].sort()).toEqual([join(dir, 'a', 'b', 'page.html'), join(dir, 'top.css')]);
    expect([...times.values()].every((time) => time > 0)).toBe(true);
    expect(fileTimes(join(dir, 'missing')).size).toBe(0);
  });
});
