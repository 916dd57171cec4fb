// How far a list's job has got, as the list's page shows it (a progress bar polled every second,
// components/roster-progress.tsx): pure, from the list's state and its run's row (job_run).
import type { JobState, RosterState } from "@/lib/generated/prisma/enums";

export type RosterStage = "waiting" | "reading" | "comparing" | "certificate" | "registry" | "done";

export type RosterProgress = {
  state: RosterState;
  /** A job is still at work on the list: keep polling. */
  running: boolean;
  stage: RosterStage;
  done: number;
  total: number | null;
  /** 0–100, whole numbers, never 100 before the job has finished. */
  percent: number;
  /** More than 1: an earlier attempt failed or its worker stopped, and the queue retried it. */
  attempts: number;
};

type Run = { state: JobState; done: number; total: number | null; attempts: number; checkpoint: unknown } | null;

function stageOf(state: RosterState, run: Run): RosterStage {
  if (state !== "CHECKING" && state !== "APPLYING") return "done";
  if (!run || run.state === "QUEUED") return "waiting";
  if (state === "CHECKING") return run.total === null ? "reading" : "comparing";
  const checkpoint = run.checkpoint;
  const stage = checkpoint && typeof checkpoint === "object" && "stage" in checkpoint ? checkpoint.stage : null;
  return stage === "registry" ? "registry" : "certificate";
}

export function rosterProgressOf(state: RosterState, run: Run): RosterProgress {
  const stage = stageOf(state, run);
  const running = stage !== "done";
  const total = run?.total ?? null;
  const done = run?.done ?? 0;
  const fraction = total && total > 0 ? Math.min(1, done / total) : 0;
  const percent = running ? Math.min(99, Math.floor(fraction * 100)) : 100;
  return { state, running, stage, done, total, percent, attempts: run?.attempts ?? 0 };
}
