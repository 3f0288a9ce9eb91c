import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDir } from './seeds-dir';

let validator: ValidateFunction | undefined;

/** The committed JSON Schema of the normalized document is the contract a JSON import is checked against. */
function compiled(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(seedsDir(), 'budget-document.schema.json'), 'utf8'));
    validator = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

/** Field path → Chinese message for each violation (at most 20), or undefined when the document is valid. */
export function validateBudgetDocument(value: unknown): Record<string, string> | undefined {
  const validate = compiled();
  if (validate(value)) return undefined;
  const errors: Record<string, string> = {};
  for (const error of (validate.errors ?? []).slice(0, 20)) {
    const path = toPath(error);
    errors[path] ??= `${path}：${messageOf(error)}`;
  }
  return errors;
}

function toPath(error: ErrorObject): string {
  const base = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
  const missing =
    error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
  const extra =
    error.keyword === 'additionalProperties'
      ? (error.params as { additionalProperty: string }).additionalProperty
      : undefined;
  const leaf = missing ?? extra;
  return leaf ? (base ? `${base}.${leaf}` : leaf) : base || '(文档)';
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return '缺少必填字段';
    case 'additionalProperties':
      return '不允许的字段';
    case 'type':
      return `类型错误，应为 ${(error.params as { type: string }).type}`;
    case 'const':
    case 'enum':
      return '取值不在允许范围内';
    case 'minimum':
    case 'maximum':
      return '数值超出范围';
    default:
      return '格式不正确';
  }
}
