import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

let estimator: ZxcvbnFactory | undefined;

/**
 * log10 of the guesses a password takes, by zxcvbn-ts with its common-password lists, common words and keyboard
 * graphs (loaded once, on first use). The user's own e-mail and name count as known words.
 */
export function passwordGuessesLog10(password: string, userInputs: string[]): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password, userInputs).guessesLog10;
}
