import { DbError, RETRYABLE_CODES } from './errors.js';
import type { Driver, Tx } from './types.js';

/** Who a unit of work runs for. */
export type Caller =
  | {
      kind: 'user';
      userId: string;
      email?: string | undefined;
      /** Further JWT claims to expose through auth.jwt(). */
      claims?: Record<string, unknown> | undefined;
    }
  | { kind: 'anon' };

export const ANON: Caller = { kind: 'anon' };

export function userCaller(userId: string, email?: string): Caller {
  return { kind: 'user', userId, email };
}

/** The claims PostgREST would put in request.jwt.claims for this caller. */
export function claimsFor(caller: Caller): Record<string, unknown> {
  if (caller.kind === 'anon') return { role: 'anon' };
  return {
    ...caller.claims,
    sub: caller.userId,
    role: 'authenticated',
    aud: 'authenticated',
    ...(caller.email === undefined ? {} : { email: caller.email }),
  };
}

const MAX_ATTEMPTS = 3;

/**
 * The statement that makes a transaction the caller's: set_config(…, true) is SET LOCAL, so it
 * ends with the transaction. It is sent with BEGIN in one round trip, hence a literal rather than
 * a parameter: the role comes from a fixed list, and the claims JSON is quoted as an E'' string
 * (backslashes and quotes doubled), which reads the same whatever standard_conforming_strings says.
 */
function callerSetup(
  role: 'anon' | 'authenticated' | 'service_role',
  claims: Record<string, unknown> | undefined,
): string {
  const literal = `E'${JSON.stringify(claims ?? {})
    .replaceAll('\\', '\\\\')
    .replaceAll("'", "''")}'`;
  return `select set_config('role', '${role}', true), set_config('request.jwt.claims', ${literal}, true)`;
}

/**
 * The one way OCP reaches its database. Every user request runs through `asCaller`: one
 * transaction that first switches to the `authenticated` (or `anon`) role and sets the JWT claims
 * transaction-locally, exactly as PostgREST does, so row-level security decides what the work may
 * see and change. Nothing is set at session level, so this is safe behind pgbouncer in
 * transaction mode.
 */
export class Database {
  constructor(readonly driver: Driver) {}

  get kind(): Driver['kind'] {
    return this.driver.kind;
  }

  /** Runs `work` in one transaction as `caller`, under row-level security. */
  asCaller<T>(caller: Caller, work: (tx: Tx) => Promise<T>): Promise<T> {
    const role = caller.kind === 'anon' ? 'anon' : 'authenticated';
    return this.inTransaction(role, claimsFor(caller), work);
  }

  asUser<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.asCaller(userCaller(userId), work);
  }

  asAnon<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.asCaller(ANON, work);
  }

  /**
   * Runs `work` as `service_role`, which bypasses row-level security: for the server's own
   * bookkeeping (the model list, sign-up), never to answer a user's request for data.
   */
  asService<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.inTransaction('service_role', { role: 'service_role' }, work);
  }

  /**
   * Runs `work` as the role the connection logged in with (the schema owner): migrations,
   * seeding, benchmarks of the unsecured baseline. Never for a user's request.
   */
  asOwner<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.inTransaction(undefined, undefined, work);
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async inTransaction<T>(
    role: 'anon' | 'authenticated' | 'service_role' | undefined,
    claims: Record<string, unknown> | undefined,
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.driver.transaction(work, role === undefined ? undefined : callerSetup(role, claims));
      } catch (error) {
        // A deadlock or serialization failure rolled everything back: the work can run again.
        if (error instanceof DbError && RETRYABLE_CODES.has(error.code) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }
}
