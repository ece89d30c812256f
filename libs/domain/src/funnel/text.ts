/** True for text with something other than whitespace: a blank field is not a result. */
export function isFilled(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}
