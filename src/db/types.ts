/** A row as the driver returns it: column name to parsed value. */
export type Row = Record<string, unknown>;

export interface QueryResult<R extends object = Row> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement (0 for a SELECT that matched none). */
  rowCount: number;
}

/** A handle on one open transaction. Query functions take it first, so they compose in one unit of work. */
export interface Tx {
  /** One statement with $1… parameters. */
  query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** A script of several statements without parameters (migrations, seeding). */
  exec(script: string): Promise<void>;
}

/** What a backend (node-postgres pool or PGlite) provides: transactions, and nothing else. */
export interface Driver {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Runs `work` in one transaction. `setup`, a parameterless SQL statement, runs first inside it
   * (sent with BEGIN in the same round trip where the driver can).
   */
  transaction<T>(work: (tx: Tx) => Promise<T>, setup?: string): Promise<T>;
  close(): Promise<void>;
}
