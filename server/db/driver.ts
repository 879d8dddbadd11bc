// One way to talk to the database, whichever engine is behind it: PGlite (PostgreSQL compiled to
// WebAssembly, in this process, the default) or a real PostgreSQL server (DATABASE_URL). Both run the
// same SQL text with $1… parameters; rows come back as plain objects with bigint columns as numbers
// (epoch milliseconds fit in a double) and jsonb already parsed.

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** several statements, no parameters (migrations) */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** runs fn inside BEGIN … COMMIT (ROLLBACK when it throws) on one connection */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** jsonb parameters go in as JSON text: pg would turn a JS array into a PostgreSQL array literal. */
export const json = (value: unknown): string => JSON.stringify(value);
