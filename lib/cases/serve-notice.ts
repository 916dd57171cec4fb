import { serveNoticeSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

/** Records the day the refusal notice was served; both appeal deadlines run from it. */
export const serveNotice = defineCaseTransition({ permission: "case:serve-notice", schema: serveNoticeSchema, transition: "serveNotice" }, async (input, loaded, tx) => {
  await tx.refusalNotice.updateMany({ where: { caseId: loaded.kase.id, servedOn: null }, data: { servedOn: new Date(`${input.servedOn}T00:00:00.000Z`) } });
  return { servedOn: input.servedOn };
});
