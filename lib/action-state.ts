// Shared by server actions and the client forms that show their result.
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | { status: "error"; message: string; fieldErrors?: Record<string, string>; values?: Record<string, string | string[]>; requestId?: string; details?: Readonly<Record<string, unknown>> };

export const IDLE: ActionState<never> = { status: "idle" };

/** What the user typed, to put back into the form after a refusal (React resets forms after an action). */
export function submittedValues(state: ActionState<unknown>): Record<string, string | string[]> {
  return state.status === "error" ? (state.values ?? {}) : {};
}
