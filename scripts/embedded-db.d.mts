export interface EmbeddedDb {
  /** postgresql://postgres:<password>@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  pid: number;
  /** true when a server started earlier with `embedded-db.mjs start` (same data directory) was reused — only when no port/dataDir option is given; stop() is then a no-op. */
  reused: boolean;
  stop(): Promise<void>;
}
export interface EmbeddedDbOptions {
  /** TCP port; 0 = any free port. Default EMBEDDED_DB_PORT or 54329. */
  port?: number;
  /** Data directory, or "memory". Default EMBEDDED_DB_DIR or .data/pglite. */
  dataDir?: string;
  /** Address to listen on. Default EMBEDDED_DB_HOST or 127.0.0.1. */
  host?: string;
  /** Simultaneous connections accepted (served one protocol cycle/transaction at a time). Default 32. */
  maxConnections?: number;
}
export function startEmbeddedDb(options?: EmbeddedDbOptions): Promise<EmbeddedDb>;
/** The password of a data directory (generated and kept beside it at the first call); "memory": a fresh one. */
export function passwordFor(dataDir: string): string;
/** A URL without its password, for logs. */
export function redactUrl(url: string): string;
export const DEFAULT_PORT: number;
export const DEFAULT_MAX_CONNECTIONS: number;
export const defaultDataDir: string;
export const stateFile: string;
export const root: string;
