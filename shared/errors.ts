/**
 * Two kinds of failure, told apart everywhere (docs/architecture.md#ideas-that-shape-the-code):
 * a UserError is something the user can fix (bad input, missing file, upstream 404, checksum mismatch)
 * and ends the step with one clear line and no stack trace; anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  override name = 'UserError'
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
