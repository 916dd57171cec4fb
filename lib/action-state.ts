// Shared by server actions and the client forms that show their result.
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | { status: "error"; message: string; fieldErrors?: Record<string, string>; requestId?: string };

export const IDLE: ActionState<never> = { status: "idle" };
