import { expect } from 'vitest';
import { AppError } from '../../src/core/errors.ts';

/** Awaits a use case expected to refuse: it fails with an AppError of `status`, returned to look into. */
export async function rejects(promise: Promise<unknown>, status: number): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  return error as AppError;
}
