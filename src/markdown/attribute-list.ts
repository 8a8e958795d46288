/** HTML attributes parsed from a Python-Markdown attribute list, as hast properties take them. */
export interface AttributeList {
  id?: string;
  className: string[];
  attributes: Record<string, string>;
}

const TOKEN = /#([\w:.-]+)|\.([\w-]+)|([\w:.-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))|(\S+)/g;

/**
 * Parses the inside of an attribute list. Returns `undefined` when a token is not an id, a class,
 * or a `key=value` pair: such braces are text, not attributes.
 *
 * @example parseAttributeList('#top .wide target="_blank"') // { id: 'top', className: ['wide'], attributes: { target: '_blank' } }
 */
export function parseAttributeList(inside: string): AttributeList | undefined {
  const list: AttributeList = { className: [], attributes: {} };
  for (const match of inside.matchAll(TOKEN)) {
    const [, id, className, key, double, single, bare, other] = match;
    if (other !== undefined) return undefined;
    if (id !== undefined) list.id = id;
    else if (className !== undefined) list.className.push(className);
    else if (key !== undefined) list.attributes[key] = double ?? single ?? bare ?? '';
  }
  return list;
}
