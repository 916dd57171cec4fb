export interface PostgresHandle {
  /** URL of the `postgres` database with superuser rights (CREATE/DROP DATABASE). */
  adminUrl: string;
  /** Stops a throwaway cluster and deletes its files; no-op for a server that was already running. */
  stop(): Promise<void>;
  /** true when a throwaway cluster was started. */
  throwaway: boolean;
  /** Start time of the throwaway cluster in ms (initdb + start). */
  startMs?: number;
}
export function ensurePostgres(): Promise<PostgresHandle>;
export function createTestDatabase(adminUrl: string, name: string, options?: { migrate?: boolean }): Promise<string>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
export function databaseUrl(adminUrl: string, name: string): string;
export function canConnect(url: string, timeoutMs?: number): Promise<boolean>;
