// 附件5 for a refusal, in the refusal's transaction: the next number of the county's year (gap-free:
// lib/cases/number-sequence.ts), the PDF rendered by the workflow module, archived with its SHA-256.
import type { Tx } from "@/lib/db";
import { putFile } from "@/lib/storage/file-store";
import { APPLICATION_KINDS } from "@/lib/workflow/application-kinds";
import { renderRefusalNotice } from "@/lib/workflow/refusal-notice";
import type { WorkflowCase, WorkflowEvent } from "@/lib/workflow/workflow-case";
import { jsonValue, toDateColumn } from "./case-record";
import { nextNumber } from "./number-sequence";
import type { LoadedCase } from "./run-transition";

type NoticeEvent = Extract<WorkflowEvent, { type: "notice.issue" }>;

/** "（2026）第 12 号" as stored and shown: the year and the sequence. */
export function noticeNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, "0")}`;
}

// The issuing body as the form's seal line names it: the township's people's government for a
// township refusal (附件5 "乡镇人民政府（街道办事处）"), the kind's approving bureau of the county for a
// county refusal ("县医疗保障局" → "盂县医疗保障局"). A 区 says "我区", a 县 "我县".
function issuer(loaded: LoadedCase, level: NoticeEvent["level"]): string {
  if (level === "TOWNSHIP") return `${loaded.region.countyName}${loaded.region.name}人民政府`;
  return `${loaded.region.countyName}${APPLICATION_KINDS[loaded.kase.kind].approver.slice(1)}`;
}

function area(countyName: string): string {
  return countyName.endsWith("区") ? "我区" : "我县";
}

export async function issueRefusalNotice(tx: Tx, loaded: LoadedCase, next: WorkflowCase, event: NoticeEvent): Promise<{ id: string; number: string; sha256: string }> {
  const year = Number(event.decidedOn.slice(0, 4));
  const seq = await nextNumber(tx, "notice", loaded.region.countyCode, year);
  const person = await tx.person.findUniqueOrThrow({ where: { id: loaded.personId }, select: { name: true } });
  const issuedBy = issuer(loaded, event.level);
  const pdf = await renderRefusalNotice({
    number: { year, sequence: seq },
    applicant: person.name,
    receivedOn: next.receivedOn ?? event.decidedOn,
    kind: loaded.kase.kind,
    area: area(loaded.region.countyName),
    reasons: event.reasons,
    note: next.rejection?.note,
    issuer: issuedBy,
    issuedOn: event.decidedOn,
    caseRef: loaded.number,
  });
  const file = await putFile(tx, pdf, "application/pdf");
  const notice = await tx.refusalNotice.create({
    data: {
      caseId: loaded.kase.id,
      countyCode: loaded.region.countyCode,
      year,
      seq,
      level: event.level,
      reasons: jsonValue(event.reasons),
      decidedOn: toDateColumn(event.decidedOn),
      issuedBy,
      storedFileId: file.id,
      sha256: file.sha256,
    },
    select: { id: true },
  });
  return { id: notice.id, number: noticeNumber(year, seq), sha256: file.sha256 };
}
