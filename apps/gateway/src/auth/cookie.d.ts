// The `cookie` package (installed with express) ships no types; only what the gateway uses is declared.
declare module 'cookie' {
  export function parse(header: string): Record<string, string | undefined>;
}
