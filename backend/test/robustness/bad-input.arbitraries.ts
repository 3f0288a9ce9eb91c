import type { Type } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';

/** Real ids the generated requests may use, keyed by the path segment before `:id` (indicators, projects …). */
export type IdPools = Record<string, string[]>;

/** Text a user might type into a field of this app, and text meant to break things. */
const VOCABULARY = [
  '100%',
  '95.5%',
  '1.1万人',
  '13 套',
  '≥90%',
  '≤48 小时',
  '2025-12-31',
  '已完成',
  '是',
  '0',
  '-1',
  '1e400',
  'NaN',
  'Infinity',
  '１２３',
  '  ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '🙂'.repeat(60),
  '𠮷'.repeat(300),
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%s%s%s%n',
  'x'.repeat(5000),
];

const EDGE_VALUES: unknown[] = [
  null,
  '',
  ' ',
  [],
  {},
  [null],
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
  { toString: 'x' },
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
];

const anyJson = (): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth: 2 });
const edge = (): fc.Arbitrary<unknown> => fc.constantFrom(...EDGE_VALUES);
const text = (max = 40, hints: string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) },
    ...(hints.length ? [{ weight: 3, arbitrary: fc.constantFrom(...hints) }] : []),
    { weight: 2, arbitrary: fc.string({ maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: max }) },
  );

interface FieldChecks {
  name: string;
  each: boolean;
  checks: Map<string, unknown[]>;
  /** The OpenAPI example of the field (@ApiProperty({ example })), a value the route accepts. */
  example?: unknown;
  /** The DTO of a nested object or of each item of a nested list (@ValidateNested with @Type). */
  nested?: Type;
}

/** The fields a DTO declares, with the class-validator checks on each (the ValidationPipe's own metadata). */
export function fieldsOf(dto: Type): FieldChecks[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const fields = new Map<string, FieldChecks>();
  for (const m of metadata) {
    const field = fields.get(m.propertyName) ?? { name: m.propertyName, each: false, checks: new Map() };
    field.checks.set(m.name ?? m.type, m.constraints ?? []);
    if (m.each) field.each = true;
    fields.set(m.propertyName, field);
  }
  for (const field of fields.values()) {
    const doc = Reflect.getMetadata('swagger/apiModelProperties', dto.prototype, field.name) as
      { example?: unknown; type?: unknown } | undefined;
    if (doc?.example !== undefined) field.example = doc.example;
    // @ValidateNested: the item's DTO as the OpenAPI document names it (@ApiProperty({ type: [ItemDto] })).
    const type = Array.isArray(doc?.type) ? doc.type[0] : doc?.type;
    if (field.checks.has('nestedValidation') && typeof type === 'function' && type.prototype)
      field.nested = type as Type;
  }
  return [...fields.values()];
}

/** Values that pass a field's checks most of the time, so the request gets past validation into the service. */
function plausible(field: FieldChecks, pools: IdPools, hints: string[]): fc.Arbitrary<unknown> {
  const c = field.checks;
  let one: fc.Arbitrary<unknown>;
  if (field.nested) {
    // A nested object (or each item of a nested list) gets plausible fields of its own DTO, so a body with a list
    // of items still reaches the service; its own wrong values come from the field-level choice below.
    const nested = fieldsOf(field.nested);
    const record = fc.record(Object.fromEntries(nested.map((f) => [f.name, plausible(f, pools, hints)])));
    return c.has('isArray') || field.each ? fc.array(record, { minLength: 1, maxLength: 3 }) : record;
  }
  if (c.has('isIn')) one = fc.constantFrom(...((c.get('isIn')?.[0] as unknown[]) ?? [null]));
  else if (c.has('isUuid') || c.has('isUUID')) {
    const ids = Object.values(pools).flat();
    one = ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
  } else if (c.has('matches')) {
    const pattern = c.get('matches')?.[0];
    one = pattern instanceof RegExp ? fc.stringMatching(pattern) : text(40, hints);
  } else if (c.has('isBoolean')) one = fc.boolean();
  else if (c.has('isInt'))
    one = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom(2 ** 31, Number.MAX_SAFE_INTEGER));
  else if (c.has('isNumber') || c.has('isDecimal'))
    one = fc.oneof(
      fc.integer({ min: -10, max: 10_000_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0.01, 1e13, 1e13 + 0.01, 123.456),
    );
  else {
    const max = Number(c.get('maxLength')?.[0] ?? 40);
    one = fc.oneof(
      { weight: 4, arbitrary: text(Math.min(max, 200), hints) },
      { weight: 1, arbitrary: fc.string({ minLength: max, maxLength: max + 2 }) },
    );
  }
  if (c.has('isArray') || field.each) one = fc.uniqueArray(one, { maxLength: 5 });
  return field.example === undefined ? one : fc.oneof(fc.constant(field.example), one);
}

/**
 * A JSON body for a DTO: mostly plausible values, sometimes wrong types, unknown keys or no object at all.
 * `hints` are texts of this app's data (published 指标值 such as "≥90%", "200 人") that make values parse.
 */
export function bodyArbitrary(
  dto: Type | undefined,
  pools: IdPools,
  hints: string[] = [],
): fc.Arbitrary<unknown> {
  const fields = dto ? fieldsOf(dto).filter((f) => f.name) : [];
  // About one wrong value per body whatever the DTO's size: a header of 18 fields still reaches the service.
  const plausibleWeight = 10 * Math.max(1, Math.ceil(fields.length / 4));
  const value = (f: FieldChecks) =>
    fc.oneof(
      { weight: plausibleWeight, arbitrary: plausible(f, pools, hints) },
      { weight: 1, arbitrary: anyJson() },
      { weight: 1, arbitrary: edge() },
    );
  const record = fc.record(Object.fromEntries(fields.map((f) => [f.name, value(f)])), { requiredKeys: [] });
  const withExtra = fc
    .tuple(
      record,
      fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'id')),
      anyJson(),
    )
    .map(([body, key, extra]) => ({ ...body, [key]: extra }));
  return fc.oneof(
    { weight: 12, arbitrary: record },
    { weight: 1, arbitrary: withExtra },
    { weight: 1, arbitrary: fc.oneof(anyJson(), edge()) },
  );
}

/** A raw request body that is not valid JSON although it says it is. */
export const malformedJson = (): fc.Arbitrary<string> =>
  fc.constantFrom('{', '{"a":', "{'a':1}", '[1,2', 'undefined', '{"a":1}}', '\u0000', '{"a":"\\x"}');

/** Path parameters: mostly real values of this department, otherwise well-formed strangers or junk. */
export function pathParamArbitrary(
  name: string,
  segmentBefore: string,
  pools: IdPools,
  known: Record<string, string[]>,
): fc.Arbitrary<string> {
  const junk = fc.oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.constantFrom('..', '%', '0', '-1', 'null', '1e999', "' OR 1=1 --", '\u0000', 'x'.repeat(600), '𠮷'),
  );
  const real = known[name] ?? (name === 'id' ? pools[segmentBefore] : undefined) ?? [];
  const wellFormed: Record<string, fc.Arbitrary<string>> = {
    id: fc.uuid(),
    period: fc.stringMatching(/^\d{4}-\d{2}$/),
    code: fc.stringMatching(/^[0-9A-Za-z]{1,32}$/),
    year: fc.integer({ min: -100000, max: 100000 }).map(String),
  };
  return fc.oneof(
    ...(real.length ? [{ weight: 6, arbitrary: fc.constantFrom(...real) }] : []),
    { weight: 1, arbitrary: wellFormed[name] ?? fc.uuid() },
    { weight: 1, arbitrary: junk },
  );
}

/** An uploaded file: junk bytes, text, a JSON value, or a small valid budget document with one change. */
export function uploadArbitrary(validDocument: () => Record<string, unknown>): fc.Arbitrary<Upload | null> {
  const name = fc.oneof(
    fc.constantFrom('a.json', 'a.txt', 'a.pdf', 'a.png', 'a.docx', 'a.xlsx', 'a.exe', '.json', '预算.json'),
    fc.string({ minLength: 1, maxLength: 30 }),
  );
  const bytes = fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a));
  const magic = fc
    .tuple(fc.constantFrom('%PDF-1.4\n', '\x89PNG\r\n\x1a\n', 'PK\x03\x04', '\xff\xd8\xff'), bytes)
    .map(([m, rest]) => Buffer.concat([Buffer.from(m, 'latin1'), rest]));
  const json = anyJson().map((v) => Buffer.from(JSON.stringify(v) ?? 'null'));
  const mutated = fc
    .tuple(
      fc.stringMatching(/^9\d{9}$/),
      fc.array(fc.tuple(fc.nat(), fc.oneof(anyJson(), edge())), { maxLength: 3 }),
    )
    .map(([code, changes]) => {
      const doc = validDocument();
      (doc.department as Record<string, unknown>).code = code;
      for (const [pick, value] of changes) setLeaf(doc, pick, value);
      return Buffer.from(JSON.stringify(doc));
    });
  const file = fc.record({
    fieldName: fc.oneof(
      { weight: 8, arbitrary: fc.constant('file') },
      { weight: 1, arbitrary: fc.constant('upload') },
    ),
    fileName: name,
    content: fc.oneof(
      bytes,
      magic,
      json,
      text(200).map((s) => Buffer.from(s)),
      mutated,
    ),
  });
  return fc.oneof({ weight: 10, arbitrary: file }, { weight: 1, arbitrary: fc.constant(null) });
}

export interface Upload {
  fieldName: string;
  fileName: string;
  content: Buffer;
}

/** Replaces the n-th leaf (mod the number of leaves) of a JSON document. */
function setLeaf(doc: unknown, n: number, value: unknown): void {
  const leaves: [Record<string, unknown>, string][] = [];
  const walk = (node: unknown): void => {
    if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        if (v && typeof v === 'object') walk(v);
        else leaves.push([node as Record<string, unknown>, k]);
      }
  };
  walk(doc);
  if (!leaves.length) return;
  const [parent, key] = leaves[n % leaves.length];
  parent[key] = value;
}
