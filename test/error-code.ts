import { isUserInputError } from '../src/core/errors.js';

/** The `code` of the error a call throws, or undefined when it does not throw. */
export function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

/** The code of the UserInputError a call throws; fails the test if it throws nothing or another error. */
export function userErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isUserInputError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a UserInputError');
}
