import { ValidationTypes, getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** A class constructor (a DTO or view class). */
export type Class = abstract new (...args: never[]) => unknown;

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[]; items?: Schema };

/** Every class that carries class-validator rules, by name (DTO class names are unique across the tree). */
export function validatedClasses(): Map<string, Class> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Class, ValidationMetadata[]> };
  const byName = new Map<string, Class>();
  for (const target of storage.validationMetadatas.keys()) {
    if (typeof target === 'function' && target.name) byName.set(target.name, target);
  }
  return byName;
}

/** The class-validator rules of a class, inherited ones included, by property. */
export function rulesByProperty(target: Class): Map<string, ValidationMetadata[]> {
  const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  return byProperty;
}

/**
 * A property is optional when it carries `@IsOptional()`, is only `@Allow()`ed, or is validated only under a condition
 * (`@ValidateIf`: e.g. an approver rule's `role` exists only for kind `role`, `fallback` only for kind `unit_head`).
 */
export function isOptionalProperty(rules: ValidationMetadata[]): boolean {
  return rules.some((r) => r.type === ValidationTypes.CONDITIONAL_VALIDATION || r.type === ValidationTypes.WHITELIST);
}

function enumValues(constraint: unknown): unknown[] | undefined {
  if (Array.isArray(constraint)) return constraint as unknown[];
  if (constraint && typeof constraint === 'object') {
    // A TypeScript enum: numeric ones also map their values back to their names.
    const values = Object.entries(constraint as Record<string, unknown>).filter(([k]) => !/^\d+$/.test(k));
    return values.map(([, v]) => v);
  }
  return undefined;
}

const FORMATS: Record<string, string> = {
  isUUID: 'uuid',
  isEmail: 'email',
  isUrl: 'uri',
  isISO8601: 'date-time',
  isDateString: 'date-time',
};

/** What one rule says about the value it checks, as OpenAPI schema keywords. */
function ruleKeywords(rule: ValidationMetadata): Schema {
  const [first, second] = (rule.constraints ?? []) as unknown[];
  const name = rule.name ?? '';
  switch (name) {
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isString':
      return { type: 'string' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'isLength':
      return typeof second === 'number' ? { minLength: first, maxLength: second } : { minLength: first };
    case 'isIn':
      return { enum: enumValues(first) };
    case 'isEnum':
      return { enum: Array.isArray(second) ? second : enumValues(first) };
    case 'matches':
      return first instanceof RegExp ? { pattern: first.source } : typeof first === 'string' ? { pattern: first } : {};
    default:
      return FORMATS[name] ? { format: FORMATS[name] } : {};
  }
}

/** Rules about the array itself, never its items. */
const ARRAY_RULES: Record<string, string> = { arrayMinSize: 'minItems', arrayMaxSize: 'maxItems' };

/**
 * The schema keywords a property's class-validator rules imply: limits, formats, enums, patterns, integer types,
 * and whether it is required (all but `@IsOptional()` ones). `each` rules describe the items of an array.
 */
export function keywordsOfRules(rules: ValidationMetadata[]): { own: Schema; items: Schema; required: boolean } {
  const own: Schema = {};
  const items: Schema = {};
  // isInt after isNumber: an integer rule is the narrower type.
  const ordered = [...rules].sort((a, b) => Number(a.name === 'isInt') - Number(b.name === 'isInt'));
  for (const rule of ordered) {
    const arrayKeyword = ARRAY_RULES[rule.name ?? ''];
    if (arrayKeyword) own[arrayKeyword] = (rule.constraints as unknown[])[0];
    else Object.assign(rule.each ? items : own, ruleKeywords(rule));
  }
  return { own, items, required: !isOptionalProperty(rules) };
}
