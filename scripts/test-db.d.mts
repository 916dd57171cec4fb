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
export const RUN_PREFIX: string;
export const STALE_HOURS: number;
export function newRunPrefix(pid?: number): string;
export function isStale(comment: string | null, now?: number, hostname?: string): boolean;
export function dropStaleTestDatabases(adminUrl: string): Promise<string[]>;
export function dropRunDatabases(adminUrl: string, prefix: string): Promise<string[]>;
export function cloneDatabase(adminUrl: string, template: string, name: string, options?: { ownerPid?: number }): Promise<string>;
export function freePort(): Promise<number>;
export function ensurePostgres(): Promise<PostgresHandle>;
export function createTestDatabase(adminUrl: string, name: string, options?: { migrate?: boolean; ownerPid?: number }): Promise<string>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
export function databaseUrl(adminUrl: string, name: string): string;
export function canConnect(url: string, timeoutMs?: number): Promise<boolean>;
