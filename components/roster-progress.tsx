"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { RosterProgress } from "@/lib/roster/roster-progress";

const POLL_MS = 1_000;

/**
 * The progress bar of a list's job (the check after an upload, the apply after a confirmation),
 * polled from /rosters/[id]/progress every second; once the job is done the page is rendered
 * again with what it found. The stage is announced when it changes, the figures only on request
 * (the bar's value text), so a screen reader is not read a number every second.
 */
export function RosterProgressBar({ batchId, initial }: { batchId: string; initial: RosterProgress }) {
  const t = useTranslations("rosterPages.progress");
  const router = useRouter();
  const [progress, setProgress] = useState(initial);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/rosters/${batchId}/progress`, { cache: "no-store", headers: { accept: "application/json" } });
        if (response.ok && response.headers.get("content-type")?.includes("application/json")) {
          const next = (await response.json()) as RosterProgress;
          if (stopped) return;
          setProgress(next);
          if (!next.running) {
            router.refresh();
            return;
          }
        }
      } catch {
        // The server is restarting or the network dropped: try again at the next tick.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [batchId, router]);

  const stage = t(`stage.${progress.stage}`);
  const figures = progress.total ? t("figures", { done: progress.done, total: progress.total, percent: progress.percent }) : t("percent", { percent: progress.percent });
  return (
    <section aria-labelledby="roster-progress-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="roster-progress">
      <h2 id="roster-progress-title" className="font-medium">{t(progress.state === "APPLYING" ? "applyTitle" : "checkTitle")}</h2>
      <p className="text-sm text-slate-600" aria-live="polite">{stage}{progress.attempts > 1 ? ` ${t("retry", { attempt: progress.attempts })}` : ""}</p>
      <div
        role="progressbar"
        aria-labelledby="roster-progress-title"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={t("valueText", { stage, figures })}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-700 transition-[width] duration-500" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="text-xs text-slate-500 tabular-nums">{figures}</p>
      <p className="text-xs text-slate-500">{t("leave")}</p>
    </section>
  );
}
