export const root: string;
export const bridge: string;
export const prismaCli: string;
export function prismaEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export function runPrisma(
  args: string[],
  options?: { env?: Record<string, string>; cwd?: string; capture?: boolean },
): Promise<{ code: number; stdout: string; stderr: string }>;
