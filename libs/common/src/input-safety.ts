import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** How deep a JSON body may nest; the deepest DTO (terms with clauses) needs four levels. */
export const MAX_INPUT_DEPTH = 32;

// C0 controls and DEL, except tab, line feed and carriage return (free text keeps its line breaks). PostgreSQL
// refuses a NUL in text outright, and the others are never typed by a person.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_PROBLEM = 'must not contain control characters (such as NUL)';
export const TOO_DEEP_PROBLEM = `must not nest deeper than ${MAX_INPUT_DEPTH} levels`;
export const OUT_OF_RANGE_PROBLEM = `must be a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`;

// A JSON number too large to hold exactly (and for any column to take). Query values are text until a DTO makes
// them numbers: their ranges are the DTO's (`PageQuery` caps `offset`).
const outOfRange = (value: unknown): boolean => typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER;

export interface InputProblem {
  field: string;
  problem: string;
}

export const hasControlCharacter = (text: string): boolean => CONTROL_CHARACTER.test(text);

const childPath = (parent: string, key: string, isArray: boolean): string =>
  isArray ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * The first problem of a parsed input (a JSON body, a query): a string or a key holding a control character, or a
 * JSON number too large to hold exactly, named like the validation pipe names fields (`items[0].name`); or nesting
 * past `maxDepth` (named `root`).
 * Walks without recursion, so a hostile depth cannot overflow the stack here either.
 */
export function inputProblem(value: unknown, root: string, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    if (outOfRange(item.value)) return { field: item.path || root, problem: OUT_OF_RANGE_PROBLEM };
    if (typeof item.value === 'string') {
      if (hasControlCharacter(item.value)) return { field: item.path || root, problem: CONTROL_CHARACTER_PROBLEM };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= maxDepth) return { field: root, problem: TOO_DEEP_PROBLEM };
    const isArray = Array.isArray(item.value);
    for (const [key, child] of Object.entries(item.value as Record<string, unknown>)) {
      const path = childPath(item.path, key, isArray);
      if (hasControlCharacter(key)) return { field: item.path || root, problem: CONTROL_CHARACTER_PROBLEM };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return null;
}

/** The common 400 for one input problem. */
export function inputProblemError({ field, problem }: InputProblem): BadRequestException {
  return new BadRequestException({
    code: 'validation_failed',
    message: `Invalid input: ${field} (${problem})`,
    fields: [{ field, problems: [problem] }],
  });
}

/** The line (1-based) of the first control character in an uploaded text, or null when there is none. */
export function lineWithControlCharacter(text: string): number | null {
  const match = CONTROL_CHARACTER.exec(text);
  if (!match) return null;
  return text.slice(0, match.index).split(/\r\n|\r|\n/).length;
}

const PRIMITIVES: unknown[] = [String, Number, Boolean, Object, Array];

/**
 * A global pipe ahead of the ValidationPipe, on the inputs it validates (a DTO body or query): a control character,
 * a number out of range, or a body nested too deep answers 400 naming the field, before class-transformer walks it
 * (recursively: 20,000 levels overflow the stack) and never as a 500 from the database.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const dto = typeof metadata.metatype === 'function' && !PRIMITIVES.includes(metadata.metatype);
    if (!dto || (metadata.type !== 'body' && metadata.type !== 'query')) return value;
    const problem = inputProblem(value, metadata.type);
    if (problem) throw inputProblemError(problem);
    return value;
  }
}
