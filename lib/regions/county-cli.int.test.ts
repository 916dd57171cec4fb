import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrisma } from "@/lib/db";
import { runCountyCli } from "@/lib/regions/county-cli";

// The operator's command line, in-process against this file's database, then once as
// `npm run county` runs it (tsx scripts/county.ts, DATABASE_URL from the environment).

const db = createPrisma();
afterAll(() => db.$disconnect());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCountyCli(db, argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run county", () => {
  it("shows a county of the dataset without writing", async () => {
    const shown = await cli("show", "140322");
    expect(shown.code).toBe(0);
    expect(shown.out).toContain("山西省阳泉市盂县（140322）：13 个乡镇（街道），288 个村（社区）");
    expect(shown.out).toContain("  140322100 秀水镇：");
    expect(shown.out).toContain("可选的政策辖区：CN-SX-YQ, CN-SX（或 none）");
    expect(await db.region.count()).toBe(0);
  });

  it("adds a county with its first administrator, whose one-time password works once printed", async () => {
    const added = await cli("add", "140322", "--jurisdiction", "CN-SX-YQ", "--admin", "yx-admin-cli");
    expect(added).toMatchObject({ code: 0, err: "" });
    expect(added.out).toContain("已载入 山西省阳泉市盂县（140322）：13 个乡镇（街道），288 个村（社区）。");
    expect(added.out).toContain("同时新建上级区划：山西省（140000）");
    expect(added.out).toContain("适用的政策辖区：山西省阳泉市（CN-SX-YQ），设于盂县。");
    const password = /一次性密码：(\S+)（/.exec(added.out)?.[1] ?? "";
    const admin = await db.user.findUniqueOrThrow({ where: { username: "yx-admin-cli" } });
    expect(admin).toMatchObject({ role: "ADMIN", regionCode: "140322", displayName: "盂县系统管理员", mustChangePassword: true });
    expect(await verifyPassword(password, admin.passwordHash)).toBe(true);
    expect(await db.auditLog.count({ where: { action: { in: ["region.addCounty", "user.create"] }, actorName: "system:county-cli" } })).toBe(2);
  });

  it("says in Chinese why it refuses: already loaded, not a county, unknown, badly formed, wrong jurisdiction", async () => {
    const cases: [string[], string][] = [
      [["add", "140322", "--jurisdiction", "none", "--admin", "x-admin"], "盂县（140322）已经载入，不能重复添加"],
      [["add", "140300", "--jurisdiction", "none", "--admin", "x-admin"], "140300 是地级区划“阳泉市”的代码，不是县级区划代码。"],
      [["add", "140000", "--jurisdiction", "none", "--admin", "x-admin"], "140000 是省级区划“山西省”的代码，不是县级区划代码。"],
      [["add", "140399", "--jurisdiction", "none", "--admin", "x-admin"], "国家区划数据（2023年统计用区划代码）中没有代码 140399。"],
      [["show", "1403"], "县级区划代码：县级区划代码为6位数字，例如 140322。"],
      [["add", "140321", "--jurisdiction", "CN-CQ-QJ", "--admin", "x-admin"], "政策辖区：所选政策辖区属于另一个省，不能用于本县。"],
      [["add", "140321", "--jurisdiction", "CN-SX", "--admin", "X"], "用户名："],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(" ")).toBe(1);
      expect(result.err, argv.join(" ")).toContain(message);
    }
    expect(await db.region.count({ where: { code: "140321" } })).toBe(0);
  });

  it("warns when no jurisdiction of the rules covers the new county", async () => {
    const added = await cli("add", "130102", "--jurisdiction", "none", "--admin", "ca-admin");
    expect(added.code).toBe(0);
    expect(added.out).toContain("注意：本县没有适用的政策辖区");
  });

  it("prints its usage for a missing option or an unknown command", async () => {
    expect(await cli()).toMatchObject({ code: 2 });
    expect((await cli("help")).out).toContain("npm run county -- add <6位县级区划代码>");
    expect(await cli("add", "140321")).toMatchObject({ code: 2, err: expect.stringContaining("add 需要 --jurisdiction") });
    expect(await cli("remove", "140321")).toMatchObject({ code: 2 });
    expect(await cli("add", "140321", "--bogus")).toMatchObject({ code: 2 });
  });

  it("runs as `npm run county` does", () => {
    const run = (...args: string[]) => spawnSync(join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/county.ts", ...args], { env: process.env, encoding: "utf8", timeout: 60_000 });
    const added = run("add", "140321", "--jurisdiction", "none", "--admin", "pd-admin", "--admin-name", "平定县管理员");
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("已载入 山西省阳泉市平定县（140321）");
    const again = run("add", "140321", "--jurisdiction", "none", "--admin", "pd-admin2");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("平定县（140321）已经载入");
  });
});
