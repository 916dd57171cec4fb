export interface EmbeddedDb {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
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
  /** Simultaneous connections accepted (served one protocol cycle/transaction at a time). Default 32. */
  maxConnections?: number;
}
export function startEmbeddedDb(options?: EmbeddedDbOptions): Promise<EmbeddedDb>;
export const DEFAULT_PORT: number;
export const DEFAULT_MAX_CONNECTIONS: number;
export const defaultDataDir: string;
export const stateFile: string;
export const root: string;
