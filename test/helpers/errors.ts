import { NetkitError } from '../../lib';

/** The NetkitError `fn` throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => void): NetkitError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NetkitError) return e;
    throw e;
  }
  throw new Error('expected a NetkitError');
}
