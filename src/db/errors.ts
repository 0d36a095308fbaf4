/**
 * A database error with the fields PostgreSQL reports, the same whichever driver raised it.
 * OCP's own rules raise SQLSTATEs of class OC (see db/migrations): OC001 chart cap, OC002 last
 * admin, OC003 bad reorder, OC004 database-assigned column, OC005 append-only, OC006 bad chat
 * context, OC007 message moved, OC010–OC013 share links.
 */
export class DbError extends Error {
  readonly code: string;
  readonly detail: string | undefined;
  readonly hint: string | undefined;
  readonly column: string | undefined;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  /** 1-based character offset of a syntax error in the statement. */
  readonly position: number | undefined;

  constructor(fields: {
    message: string;
    code: string;
    detail?: string | undefined;
    hint?: string | undefined;
    column?: string | undefined;
    constraint?: string | undefined;
    table?: string | undefined;
    position?: number | undefined;
    cause?: unknown;
  }) {
    super(fields.message, { cause: fields.cause });
    this.name = 'DbError';
    this.code = fields.code;
    this.detail = fields.detail;
    this.hint = fields.hint;
    this.column = fields.column;
    this.constraint = fields.constraint;
    this.table = fields.table;
    this.position = fields.position;
  }
}

/** Turns what node-postgres or PGlite threw into a DbError; other errors pass through unchanged. */
export function toDbError(error: unknown): unknown {
  if (error instanceof DbError || !(error instanceof Error)) return error;
  const fields = error as Error & Record<string, unknown>;
  if (typeof fields.code !== 'string' || !/^[0-9A-Z]{5}$/.test(fields.code)) return error;
  const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : undefined);
  const position = text('position');
  return new DbError({
    message: error.message,
    code: fields.code,
    detail: text('detail'),
    hint: text('hint'),
    column: text('column'),
    constraint: text('constraint'),
    table: text('table'),
    position: position === undefined ? undefined : Number(position),
    cause: error,
  });
}

/** SQLSTATEs after which the whole unit of work may simply be run again. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);
