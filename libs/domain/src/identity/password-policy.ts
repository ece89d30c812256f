export const PASSWORD_MIN_LENGTH = 12;
/** argon2 takes any length, but an unbounded input is a cheap way to burn CPU. */
export const PASSWORD_MAX_LENGTH = 128;

// A short list of the passwords every guesser tries first (length already rules out most of the rest).
const COMMON = new Set([
  'password1234',
  'passwordpassword',
  '123456789012',
  'qwertyuiopas',
  'letmeinletmein',
  'administrator',
  'changemechangeme',
]);

/**
 * A password must take at least 10^8 guesses by a guesser that knows the common-password lists, words and keyboard
 * patterns (zxcvbn's estimate, computed at the edge: apps/gateway password-strength.ts). `qwertyuiop12` takes ~10^4.
 */
export const MIN_GUESSES_LOG10 = 8;

export interface PasswordContext {
  email?: string;
  name?: string;
  /** log10 of the guesses the password takes (zxcvbn); unset: only the rules above are checked. */
  guessesLog10?: number;
}

/** Problems with a new password, in words a user understands; empty when the password is acceptable. */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push('is one of the most common passwords');
  else if (context.guessesLog10 !== undefined && context.guessesLog10 < MIN_GUESSES_LOG10)
    problems.push('is too easy to guess (a common password, word or keyboard pattern)');
  if (password.length > 0 && new Set(password).size < 4) problems.push('must use at least 4 different characters');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) problems.push('must not contain your e-mail address');
  const name = context.name?.trim().toLowerCase();
  if (name && name.length >= 4 && lower.includes(name)) problems.push('must not contain your name');
  return problems;
}
