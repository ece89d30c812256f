import { getMetadataStorage } from 'class-validator';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

// class-transformer's @Type registry (which class a nested field holds); its module has no typings of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

interface ValidationMeta {
  propertyName: string;
  type: string;
  name?: string;
}

/** Validators under which a string of SQL or markup is never a valid value. */
const CONSTRAINED = [
  'isUUID',
  'isEmail',
  'isIn',
  'isEnum',
  'isISO8601',
  'isDateString',
  'isUrl',
  'isInt',
  'isNumber',
  'isBoolean',
  'isPositive',
  'min',
  'max',
  'isArray',
  'arrayMinSize',
  'arrayMaxSize',
];

const NUMERIC = ['isInt', 'isNumber', 'isPositive', 'min', 'max'];

export interface DtoField {
  name: string;
  /** No @IsOptional / @ValidateIf and no default value: leaving it out must be refused. */
  required: boolean;
  /** A value of the wrong type for this field. */
  wrongValue: unknown;
  /** Validated only when other fields say so (@ValidateIf): a bad value alone may be ignored, not named. */
  conditional: boolean;
  /** Plain text is acceptable here (so an injection-looking string must be stored as text or refused). */
  textual: boolean;
  /** A number (`@IsInt`, `@IsNumber`, `@Min`/`@Max`): an out-of-range one must be refused. */
  numeric: boolean;
}

/** The fields a body DTO validates, read from class-validator's metadata (what the ValidationPipe applies). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function dtoFields(dto: Function): DtoField[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false) as unknown as ValidationMeta[];
  const byField = new Map<string, ValidationMeta[]>();
  for (const meta of metas) byField.set(meta.propertyName, [...(byField.get(meta.propertyName) ?? []), meta]);
  let defaults: Record<string, unknown> = {};
  try {
    defaults = new (dto as new () => Record<string, unknown>)();
  } catch {
    // a DTO whose constructor needs arguments has no defaults to read
  }
  return [...byField].map(([name, list]) => {
    const names = list.map((m) => m.name ?? m.type);
    const objectLike = list.some((m) => m.type === 'nestedValidation' || m.name === 'isObject');
    return {
      name,
      required: !list.some((m) => m.type === 'conditionalValidation') && defaults[name] === undefined,
      // An operator object where a scalar or list belongs; a number where an object belongs.
      wrongValue: objectLike ? 42 : { $gt: '' },
      conditional: list.some((m) => m.type === 'conditionalValidation' && m.name !== 'isOptional'),
      textual: !objectLike && !names.some((n) => CONSTRAINED.includes(n)),
      numeric: names.some((n) => NUMERIC.includes(n)),
    };
  });
}

/** An integer field of a body DTO, nested ones included, with the body that puts a value there. */
export interface IntegerField {
  /** As the validation error names it: `version`, `terms.delivery.days`, `terms.items[0].quantity`. */
  path: string;
  conditional: boolean;
  bodyWith(value: number): Record<string, unknown>;
}

interface NestedMeta extends ValidationMeta {
  each?: boolean;
}

/** Every `@IsInt` field of a body DTO, following `@ValidateNested` + `@Type` into nested objects and arrays. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function integerFields(dto: Function, depth = 0): IntegerField[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false) as unknown as NestedMeta[];
  const byField = new Map<string, NestedMeta[]>();
  for (const meta of metas) byField.set(meta.propertyName, [...(byField.get(meta.propertyName) ?? []), meta]);
  return [...byField].flatMap(([name, list]): IntegerField[] => {
    const conditional = list.some((m) => m.type === 'conditionalValidation' && m.name !== 'isOptional');
    if (list.some((m) => m.name === 'isInt'))
      return [{ path: name, conditional, bodyWith: (value) => ({ [name]: value }) }];
    const nested = list.find((m) => m.type === 'nestedValidation');
    const type = nested && depth < 4 ? defaultMetadataStorage.findTypeMetadata(dto, name) : undefined;
    if (!nested || !type) return [];
    const inArray = nested.each === true;
    return integerFields(type.typeFunction(), depth + 1).map((inner) => ({
      path: inArray ? `${name}[0].${inner.path}` : `${name}.${inner.path}`,
      conditional: conditional || inner.conditional,
      bodyWith: (value) => ({ [name]: inArray ? [inner.bodyWith(value)] : inner.bodyWith(value) }),
    }));
  });
}
