import { readFileSync } from 'fs';
import { join } from 'path';

// seeds/budget-document.schema.json documents the shape of seeds/*.json. No draft 2020-12 validator is a
// dependency, so this checks the keywords the schema uses (type, const, enum, required, properties,
// additionalProperties, items, $ref, oneOf, pattern, minLength, minimum, maximum).
const SEEDS = join(__dirname, '../../../../../seeds');
const schema = JSON.parse(readFileSync(join(SEEDS, 'budget-document.schema.json'), 'utf8')) as Schema;
const seedDocument = JSON.parse(readFileSync(join(SEEDS, '031-2025.json'), 'utf8')) as Record<
  string,
  unknown
>;

interface Schema {
  $ref?: string;
  $defs?: Record<string, Schema>;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function validate(value: unknown, node: Schema, path = '$'): string[] {
  if (node.$ref) return validate(value, schema.$defs?.[node.$ref.replace('#/$defs/', '')] ?? {}, path);
  const errors: string[] = [];
  const actual = typeOf(value);
  if (node.type) {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number')))
      return [`${path}: ${actual} is not ${types.join('|')}`];
  }
  if ('const' in node && value !== node.const) errors.push(`${path}: not ${String(node.const)}`);
  if (node.enum && !node.enum.includes(value)) errors.push(`${path}: ${String(value)} not in enum`);
  if (node.oneOf && node.oneOf.filter((option) => validate(value, option, path).length === 0).length !== 1) {
    errors.push(`${path}: matches not exactly one of oneOf`);
  }
  if (typeof value === 'string') {
    if (node.pattern && !new RegExp(node.pattern, 'u').test(value))
      errors.push(`${path}: "${value}" does not match ${node.pattern}`);
    if (node.minLength !== undefined && value.length < node.minLength) errors.push(`${path}: too short`);
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) errors.push(`${path}: below ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum) errors.push(`${path}: above ${node.maximum}`);
  }
  if (Array.isArray(value) && node.items) {
    value.forEach((item, i) => errors.push(...validate(item, node.items as Schema, `${path}[${i}]`)));
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!(key in object)) errors.push(`${path}: missing ${key}`);
    for (const [key, child] of Object.entries(object)) {
      const property = node.properties?.[key];
      if (property) errors.push(...validate(child, property, `${path}.${key}`));
      else if (node.additionalProperties === false) errors.push(`${path}: unexpected ${key}`);
      else if (typeof node.additionalProperties === 'object')
        errors.push(...validate(child, node.additionalProperties, `${path}.${key}`));
    }
  }
  return errors;
}

describe('budget-document.schema.json', () => {
  it('should accept the committed seeds/031-2025.json', () => {
    expect(validate(seedDocument, schema)).toEqual([]);
  });

  it.each<[string, (document: Record<string, unknown>) => void, string]>([
    ['the projects are missing', (document) => delete document.projects, '$: missing projects'],
    [
      'a target is a number',
      (document) =>
        ((
          document.overall as { goals: { indicators: { target: unknown }[] }[] }
        ).goals[0].indicators[0].target = 95),
      '$.overall.goals[0].indicators[0].target: integer is not string',
    ],
    [
      'a goal term is unknown',
      (document) => ((document.overall as { goals: { term: string }[] }).goals[0].term = 'mid'),
      '$.overall.goals[0].term: mid not in enum',
    ],
    [
      'an amount is text',
      (document) => ((document.projects as { budget: unknown }[])[0].budget = '53.00'),
      '$.projects[0].budget: string is not number',
    ],
    ['a field is not in the shape', (document) => (document.extra = true), '$: unexpected extra'],
  ])('should reject a document when %s', (_case, damage, error) => {
    const document = structuredClone(seedDocument);
    damage(document);

    expect(validate(document, schema)).toContain(error);
  });
});
