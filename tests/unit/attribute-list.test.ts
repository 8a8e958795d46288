import { describe, expect, it } from 'vitest';
import { parseAttributeList, scanAttributeList, withAttributes } from '../../src/markdown/attribute-list';

// Expected values are what Python-Markdown 3.4's attr_list (get_attrs, assign_attrs) gives.
describe('attribute lists as Python-Markdown reads them', () => {
  it('reads ids, classes, quoted and bare values, and any other word as its own name', () => {
    expect(scanAttributeList('% photo /media/b.png Caverns %')).toEqual([
      ['%', '%'], ['photo', 'photo'], ['/media/b.png', '/media/b.png'], ['Caverns', 'Caverns'], ['%', '%'],
    ]);
    expect(scanAttributeList(`#top .wide data-x="1 2" title='Sales' width=200`)).toEqual([
      ['id', 'top'], ['.', 'wide'], ['data-x', '1 2'], ['title', 'Sales'], ['width', '200'],
    ]);
  });

  it('takes the first alternative that matches, and stops at a character none matches', () => {
    expect(scanAttributeList('a="b c')).toEqual([['a', '"b'], ['c', 'c']]);
    expect(scanAttributeList('.a =b .c')).toEqual([['.', 'a']]);
  });

  it('refuses bare words and unread rest when strict', () => {
    expect(parseAttributeList('#top .wide target=_blank')).toEqual([['id', 'top'], ['.', 'wide'], ['target', '_blank']]);
    expect(parseAttributeList('a, b')).toBeUndefined();
    expect(parseAttributeList('= ')).toBeUndefined();
  });

  it('appends classes, lets class= replace them, and sanitizes names', () => {
    expect(withAttributes({ className: ['old'] }, [['.', 'a'], ['class', 'replaced'], ['.', 'added'], ['%weird/name', 'v']])).toEqual({
      className: ['replaced', 'added'],
      _weird_name: 'v',
    });
  });
});
