import { makeIdNumber } from "@/lib/people/id-number";
import { expect, formMessage, loginThroughForm, prisma, test } from "./fixtures";

// A number no demo person holds: the demo draws its own, so take the first free sequence.
async function freeIdNumber(birthDate: string) {
  for (let seq = 901; seq < 999; seq += 2) {
    const id = makeIdNumber("140322", birthDate, seq, "M");
    if (!(await prisma.person.findUnique({ where: { idNumber: id } }))) return id;
  }
  throw new Error("no free ID number");
}

test("a township clerk registers a person, reads field errors in Chinese, then records the death", async ({ page }) => {
  const idNumber = await freeIdNumber("1951-08-01");
  const wrongCheck = idNumber.slice(0, 17) + (idNumber[17] === "1" ? "2" : "1");
  await loginThroughForm(page, "yx-clerk");
  await page.goto("/people");
  await page.getByRole("link", { name: "登记人员" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "登记人员" })).toBeVisible();

  await page.getByLabel("身份证号").fill("140322510801123");
  await page.getByLabel("姓名").fill("赵登记");
  await page.getByLabel("待遇发放银行账号").fill("6222 0212 3456 7890");
  await page.getByRole("button", { name: "登记" }).click();
  await expect(page.getByText("这是 15 位旧身份证号，不再有效。请填写本人现行居民身份证上的 18 位号码。")).toBeVisible();
  await expect(formMessage(page)).toContainText("身份证号");

  await page.getByLabel("身份证号").fill(wrongCheck);
  await page.getByLabel("联系电话").fill("12345");
  await page.getByRole("button", { name: "登记" }).click();
  await expect(page.getByText("身份证号校验位不正确，请核对最后一位及前面各位。")).toBeVisible();
  await expect(page.getByText("电话须为 11 位手机号或带区号的固定电话，如 0353-6012345。")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/person-create-errors.png", fullPage: true });

  await page.getByLabel("身份证号").fill(idNumber.toLowerCase());
  await page.getByLabel("联系电话").fill("13912345678");
  await page.getByRole("button", { name: "登记" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "赵登记" })).toBeVisible();
  await expect(page.getByTestId("id-number")).toHaveText(`140322********${idNumber.slice(14)}`);
  await expect(page.getByText("**** **** **** 7890")).toBeVisible();
  const person = await prisma.person.findUniqueOrThrow({ where: { idNumber } });
  expect(person.birthDate.toISOString().slice(0, 10)).toBe("1951-08-01");

  // The same number again is refused at the field.
  await page.goto("/people/new");
  await page.getByLabel("身份证号").fill(idNumber);
  await page.getByLabel("姓名").fill("赵重复");
  await page.getByRole("button", { name: "登记" }).click();
  await expect(page.getByText("该身份证号已登记，同一人不能重复登记。请在人员列表中按身份证号查找。")).toBeVisible();

  await page.goto(`/people/${person.id}`);
  await page.getByRole("link", { name: "修改人员信息" }).click();
  await page.getByLabel("死亡日期").fill("2026-06-03");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已故（2026-06-03）")).toBeVisible();
  await expect(page.getByTestId("person-history")).toContainText("修改人员信息");
  await expect(page.getByTestId("person-history")).toContainText("登记人员");
  await page.screenshot({ path: "test-results/screens/person-deceased.png", fullPage: true });
  const audit = await prisma.auditLog.findMany({ where: { entityId: person.id, action: { in: ["person.create", "person.update"] } }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.action)).toEqual(["person.create", "person.update"]);
});

test("another township's person cannot be edited by URL", async ({ page }) => {
  const theirs = await prisma.person.findFirstOrThrow({ where: { regionCode: { startsWith: "140322103" } } });
  await loginThroughForm(page, "yx-clerk");
  await page.goto(`/people/${theirs.id}/edit`);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});
