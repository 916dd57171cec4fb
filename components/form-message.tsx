import type { ActionState } from "@/lib/action-state";

export function FormMessage({ state, success }: { state: ActionState<unknown>; success?: string }) {
  if (state.status === "error") {
    return (
      <div role="alert" data-testid="form-message" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.message}
      </div>
    );
  }
  if (state.status === "ok" && success) {
    return (
      <div role="status" data-testid="form-message" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
        {success}
      </div>
    );
  }
  return null;
}
