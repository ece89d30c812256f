/** Query strings carry text: `?active=true` becomes a boolean, anything else stays for the validator to refuse. */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
