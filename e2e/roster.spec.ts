import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_LIST_FILES, DEMO_LIST_NEW_PERSON } from "@/lib/demo/roster-lists";
import { makeIdNumber } from "@/lib/people/id-number";
import { expect, loginThroughForm, prisma, test } from "./fixtures";

const listFile = (key: keyof typeof DEMO_LIST_FILES) => join(import.meta.dirname, "..", "prisma", "demo-lists", DEMO_LIST_FILES[key]);
const HEADER = "乡镇,姓名,身份证号,类别,家庭人口,调整原因,生效日期";

test("民政局 uploads a list with three bad rows, corrects it, confirms it and downloads the certificate, each step a job with its progress bar; only the township's clerk sees the new 低保 identity", async ({ page, browser }) => {
  await loginThroughForm(page, "yx-civil");
  await page.goto("/rosters");
  await page.getByLabel("期间").fill("2026Q3");
  await page.getByLabel("名单文件").setInputFiles(listFile("civilWithErrors"));
  await page.getByRole("button", { name: "上传并核对" }).click();
  // The list's page at once, while the worker compares it.
  await expect(page.getByRole("progressbar", { name: "正在核对名单" })).toHaveAttribute("aria-valuenow", /^\d+$/);
  const errors = page.getByTestId("roster-errors");
  await expect(errors).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(errors.locator("tbody tr")).toHaveCount(3);
  await expect(errors).toContainText("身份证号校验位错误");
  await expect(errors).toContainText("本县没有乡镇“秀山镇”");
  await expect(errors).toContainText("生效日期 2026-10-08 不在本期间内");
  await expect(page.getByTestId("roster-confirm-form")).toHaveCount(0);

  await page.goto("/rosters");
  await page.getByLabel("名单文件").setInputFiles(listFile("civil"));
  await page.getByRole("button", { name: "上传并核对" }).click();
  await expect(page.getByTestId("roster-entries").locator("tbody tr")).toHaveCount(6);
  await expect(page.getByTestId("roster-errors")).toHaveCount(0);
  await page.getByRole("button", { name: "确认并出具证明" }).click();
  // The confirmation is applied by the worker: first its progress, then the list's new state.
  await expect(page.getByRole("progressbar", { name: "正在应用名单" })).toBeVisible();
  await expect(page.getByTestId("roster-state")).toHaveText("已确认，待签收", { timeout: 30_000 });
  await expect(page.getByTestId("roster-confirm-form")).toHaveCount(0);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("certificate-link").click()]);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  const person = await prisma.person.findUniqueOrThrow({ where: { idNumber: DEMO_LIST_NEW_PERSON.idNumber } });
  const clerk = await browser.newPage();
  await loginThroughForm(clerk, "yx-clerk");
  await clerk.goto(`/people/${person.id}`);
  await expect(clerk.getByRole("heading", { name: DEMO_LIST_NEW_PERSON.name })).toBeVisible();
  await expect(clerk.getByTestId("identity-timeline").getByText("低保对象")).toBeVisible();
  const other = await browser.newPage();
  await loginThroughForm(other, "yx-clerk2");
  await other.goto(`/people/${person.id}`);
  await expect(other.getByRole("heading", { name: "未找到" })).toBeVisible();
});

/**
 * A month's list of 1,310 rows (August: the journey above sends the quarter, and a later upload of
 * the same period would replace it): 1,200 new people, 30 removals and 20 changes of 低保 holders
 * made here, in a township of 盂县 that no other test counts, and 60 rows with a wrong check digit.
 */
async function augustList(): Promise<Buffer> {
  const township = await prisma.region.findFirstOrThrow({ where: { parentCode: "140322", level: "TOWNSHIP", retiredAt: null, code: { notIn: ["140322100", "140322103"] } }, orderBy: { code: "desc" } });
  const holders = [];
  for (let i = 0; i < 50; i++) {
    const birthDate = new Date(Date.UTC(1940, 0, 1) + i * 86_400_000);
    holders.push(
      await prisma.person.create({
        data: {
          idNumber: makeIdNumber("120101", birthDate, 1, "M"), name: `低保${i}`, sex: "M", birthDate, regionCode: township.code, hukouProvince: "SX",
          identities: { create: { type: "SUBSISTENCE", validFrom: new Date("2024-01-01"), certifiedBy: "CIVIL_AFFAIRS" } },
        },
      }),
    );
  }
  const lines = [HEADER];
  for (let i = 0; i < 1_260; i++) {
    const id = makeIdNumber("110101", new Date(Date.UTC(1950, 0, 1) + i * 86_400_000), 1, "M");
    const bad = i % 21 === 20;
    lines.push(["秀水镇", `测试${i}`, bad ? id.slice(0, 17) + (id[17] === "1" ? "2" : "1") : id, "低保", "1", "新增", "2026-08-10"].join(","));
  }
  for (const p of holders.slice(0, 30)) lines.push([township.name, p.name, p.idNumber, "低保", "", "减少", "2026-08-20"].join(","));
  for (const p of holders.slice(30)) lines.push([township.name, p.name, p.idNumber, "特困", "", "新增", "2026-08-25"].join(","));
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

test("a list of 1,310 rows: its changes page by page with page numbers, filtered by kind, its row errors on pages of their own; another county's bureau gets not found", async ({ page, browser }) => {
  await loginThroughForm(page, "yx-civil");
  await page.goto("/rosters");
  await page.getByLabel("期间").fill("2026-08");
  await page.getByLabel("名单文件").setInputFiles({ name: "2026-08.csv", mimeType: "text/csv", buffer: await augustList() });
  await page.getByRole("button", { name: "上传并核对" }).click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/roster-progress.png" });
  const entries = page.getByTestId("roster-entries");
  await expect(entries).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("roster-summary")).toContainText("新增 1200，减少 30，变更 20，错误 60");
  const batchUrl = new URL(page.url()).pathname;

  // 1,250 changes, 50 a page: 25 pages, numbered, the first and the last always offered.
  await expect(entries.locator("tbody tr")).toHaveCount(50);
  const changes = page.getByRole("navigation", { name: "分页" }).last();
  await expect(changes).toContainText("第 1 页，共 25 页");
  await changes.getByRole("link", { name: "第 25 页" }).click();
  await expect(changes).toContainText("第 25 页，共 25 页");
  await expect(entries.locator("tbody tr")).toHaveCount(50);
  await expect(changes.getByRole("link", { name: "第 23 页" })).toBeVisible();
  await changes.getByRole("link", { name: "第 23 页" }).click();
  await expect(changes.locator('[aria-current="page"]')).toHaveText("23");

  // By kind: the removals and the changes on one page each, the additions on 24.
  const kinds = page.getByRole("navigation", { name: "按变动类别筛选" });
  await kinds.getByRole("link", { name: "减少（30）" }).click();
  await expect(kinds.locator('[aria-current="page"]')).toHaveText("减少（30）");
  await expect(entries.locator("tbody tr")).toHaveCount(30);
  await expect(entries.locator("tbody tr td:nth-child(2)")).toHaveText(Array(30).fill("减少"));
  await kinds.getByRole("link", { name: "变更（20）" }).click();
  await expect(entries.locator("tbody tr")).toHaveCount(20);
  await expect(entries).toContainText("低保对象 → 特困供养人员");
  await kinds.getByRole("link", { name: "新增（1200）" }).click();
  await expect(page.getByRole("navigation", { name: "分页" }).last()).toContainText("第 1 页，共 24 页");
  await expect(entries.locator("tbody tr").first()).toContainText("新建人员档案");

  // The row errors: 60, on two pages of their own.
  const errors = page.getByTestId("roster-errors");
  await expect(errors.locator("tbody tr")).toHaveCount(50);
  await page.getByRole("navigation", { name: "分页" }).first().getByRole("link", { name: "第 2 页" }).click();
  await expect(errors.locator("tbody tr")).toHaveCount(10);
  await expect(errors).toContainText("身份证号校验位错误");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id), batchUrl).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.screenshot({ path: "test-results/screenshots/roster-diff-1024.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screenshots/roster-diff-390.png", fullPage: true });

  // The list and its progress exist only for its county.
  const other = await browser.newPage();
  await loginThroughForm(other, "qj-civil");
  await other.goto(batchUrl);
  await expect(other.getByRole("heading", { name: "未找到" })).toBeVisible();
  expect((await other.request.get(`${batchUrl}/progress`)).status()).toBe(404);
  expect((await page.request.get(`${batchUrl}/progress`)).status()).toBe(200);
});

test("a file over 20 MB is refused before it is sent, with the field's message; one of 12 MB is taken", async ({ page }) => {
  await loginThroughForm(page, "yx-civil");
  await page.goto("/rosters");
  await page.getByLabel("期间").fill("2026-09");
  await page.getByLabel("名单文件").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x20) });
  await page.getByRole("button", { name: "上传并核对" }).click();
  await expect(page.getByLabel("名单文件")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("请上传不超过 20 MB 的 xlsx 或 csv 文件")).toBeVisible();
  await expect(page).toHaveURL(/\/rosters$/);

  // Above Next's own default limits (a server action's body, the proxy's copy of it): one row whose
  // reason runs on for 12 MB.
  const id = makeIdNumber("110101", "1949-03-04", 3, "M");
  const big = Buffer.from(`${HEADER}\r\n秀水镇,大文件,${id},低保,1,新增${"。".repeat(4_300_000)},2026-09-10\r\n`, "utf8");
  expect(big.length).toBeGreaterThan(12 * 1024 * 1024);
  await page.getByLabel("名单文件").setInputFiles({ name: "12mb.csv", mimeType: "text/csv", buffer: big });
  await page.getByRole("button", { name: "上传并核对" }).click();
  await expect(page.getByTestId("roster-summary")).toContainText("新增 1，减少 0，变更 0，错误 0", { timeout: 30_000 });
});
