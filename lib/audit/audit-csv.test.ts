import { describe, expect, it } from "vitest";
import { auditCsv, csvCell } from "@/lib/audit/audit-csv";

describe("audit CSV", () => {
  it("keeps formulas as text and quotes what needs quoting", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("王静")).toBe("王静");
    expect(csvCell("a,b")).toBe("\"a,b\"");
  });

  it("writes a BOM, a header and one CRLF line per row", () => {
    const row = { id: 7n, at: new Date("2026-12-01T01:02:03Z"), actorType: "USER", actorName: "yx-auditor", action: "audit.export", entity: "audit_log", entityId: "audit_log", regionCode: "140322", before: null, after: { rows: 3 }, requestId: null };
    const csv = auditCsv([row], ["编号", "时间"], () => "导出审计日志");
    expect(csv.startsWith("\uFEFF编号,时间\r\n")).toBe(true);
    expect(csv).toContain("7,2026-12-01 09:02:03,USER,yx-auditor,导出审计日志,audit.export,audit_log,audit_log,140322,,\"{\"\"rows\"\":3}\",\r\n");
  });
});
