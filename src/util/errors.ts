/**
 * An error the user can fix (bad flag, bad config, missing path, policy failure).
 * The CLI prints its message and exits 2: such errors never pass silently.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A policy could not be loaded or evaluated. Fails closed: exit 2. */
export class PolicyError extends Error {
  readonly exitCode = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PolicyError';
  }
}
