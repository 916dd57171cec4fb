import { createHash } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { downloadActor, fileResponse, notFoundResponse } from "@/lib/cases/file-response";
import { publicityParams } from "@/lib/cases/publicity-params";
import { townshipOptions } from "@/lib/cases/township-options";
import { publicityList } from "@/lib/cases/cases.queries";
import { recordDownload } from "@/lib/cases/record-download";
import { prisma } from "@/lib/db";
import { renderPublicityList } from "@/lib/workflow/publicity-list";

export async function GET(request: Request) {
  const actor = await downloadActor();
  if (!actor) return notFoundResponse();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const townships = await townshipOptions(prisma, actor);
  const params = publicityParams(actor, query, townships);
  if (!params.township) return notFoundResponse();
  const lists = await publicityList(prisma, actor, { township: params.township, from: params.from, to: params.to });
  // One PDF per posting (place and start date), as the page lists them.
  const data = lists[Number.parseInt(query.n ?? "0", 10) || 0]?.data;
  if (!data) return notFoundResponse();
  // The list is the township's (its rows' regions are villages).
  const township = townships.find((r) => r.code === params.township)?.name ?? data.township;
  // The posted sheet is in Chinese whatever the reader's interface language.
  const t = await getTranslations({ locale: "zh-CN", namespace: "casePages" });
  const content = await renderPublicityList({ ...data, township, contact: t("publicityContact", { township }) });
  const sha256 = createHash("sha256").update(content).digest("hex");
  const fileName = `publicity-${params.township}-${params.from}-${params.to}.pdf`;
  await recordDownload(prisma, actor, { kind: "publicityList", fileId: params.township, regionCode: params.township, fileName, sha256 });
  return fileResponse({ fileName, mediaType: "application/pdf", content, sha256 }, false);
}
