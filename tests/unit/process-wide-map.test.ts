import { describe, expect, it } from 'vitest';
import { processWideMap } from '../../src/lib/process-wide-map';

describe('processWideMap', () => {
  it('gives every caller with the same name the same map, as two copies of a module would get it', () => {
    const one = processWideMap<string, number>('test.process-wide-map');
    const other = processWideMap<string, number>('test.process-wide-map');
    one().set('a', 1);
    expect(other().get('a')).toBe(1);
    expect(processWideMap<string, number>('test.process-wide-map.other')().size).toBe(0);
  });
});
