// Meta-test: every field of the pack schema that holds something a viewer can read has a horizon, or is
// declared always safe, in lib/pack/visibility.ts.
import type { GenericSchema } from 'valibot';
import { describe, expect, it } from 'vitest';
import { PackSchema } from './schema';
import { NEVER_SHOWN, NEVER_SHOWN_PARTS, VISIBLE_FIELDS } from './visibility';

type Node = GenericSchema & { type: string; entries?: Record<string, Node>; item?: Node; wrapped?: Node; options?: Node[] };

/** The schema's leaves (strings, numbers, picklists), as paths like "characters[].summaries[].text". */
function leaves(schema: Node, path: string): string[] {
  switch (schema.type) {
    case 'object':
    case 'strict_object':
      return Object.entries(schema.entries ?? {}).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
    case 'array':
      return schema.item ? leaves(schema.item, `${path}[]`) : [];
    case 'optional':
    case 'nullable':
    case 'nullish':
      return schema.wrapped ? leaves(schema.wrapped, path) : [];
    case 'union':
      return [...new Set((schema.options ?? []).flatMap((o) => leaves(o, path)))];
    default:
      return [path];
  }
}

const hidden = (path: string) => {
  const last = path.split('.').at(-1) ?? path;
  return NEVER_SHOWN.includes(last) || path.split('.').some((part) => NEVER_SHOWN_PARTS.includes(part));
};

describe('every visible field of a pack has a horizon or is declared always safe', () => {
  const fields = leaves(PackSchema as unknown as Node, '');

  it('walks the whole schema', () => {
    expect(fields).toContain('characters[].summaries[].text');
    expect(fields.length).toBeGreaterThan(40);
  });

  it.each(fields.filter((f) => !hidden(f)))('%s', (field) => {
    expect(
      VISIBLE_FIELDS[field],
      `${field} can reach the screen: add it to VISIBLE_FIELDS in lib/pack/visibility.ts with its horizon, or with the reason it is always safe (and make the views honour it)`,
    ).toMatch(/^(horizon|always safe): /);
  });
});
