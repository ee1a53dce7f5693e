import assert from 'node:assert/strict';

/** The error a call ends with; fails the test if it succeeds. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to fail');
}
