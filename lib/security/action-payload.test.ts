import { describe, expect, it } from "vitest";
import { isSoundActionRequest, isSoundFormReply, isSoundJsonReply } from "@/lib/security/action-payload";

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe("server action bodies", () => {
  it("accept what React's encodeReply sends for our actions", () => {
    expect(isSoundJsonReply("[]")).toBe(true);
    expect(isSoundJsonReply('[{"status":"idle"},"$$literal"]')).toBe(true);
    // A temporary reference stays on the client: the server decodes it without looking anything up.
    expect(isSoundJsonReply('["$T1"]')).toBe(true);
    expect(isSoundFormReply(form({ "0": '[{"status":"idle"},"$K1"]', "1_username": "yx-clerk", "1_password": "x" }))).toBe(true);
    expect(isSoundFormReply(form({ "0": '["$@2"]', "2": '{"status":"idle"}' }))).toBe(true);
    expect(isSoundFormReply(form({ username: "yx-clerk" }))).toBe(true);
  });

  it("refuse what Next.js would answer with a 500", () => {
    for (const body of ["", "garbage", "[1,2", '{"a":1}', '["$Q1"]', '["$@1"]', "null"]) expect(isSoundJsonReply(body), body).toBe(false);
    expect(isSoundFormReply(form({ "0": "garbage" }))).toBe(false);
    expect(isSoundFormReply(form({ "0": '{"a":1}' }))).toBe(false);
    expect(isSoundFormReply(form({ "0": '["$Q3"]' }))).toBe(false);
    expect(isSoundFormReply(form({ "0": '["$@2"]', "2": "[1," }))).toBe(false);
    expect(isSoundFormReply(form({ "0": '["$@2"]', "2": '["$@2"]' }))).toBe(true);
  });

  it("refuse a cut-off multipart body", async () => {
    const request = new Request("http://localhost/login", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=xyz", "next-action": "60" }, body: "--xyz\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[" });
    expect(await isSoundActionRequest(request)).toBe(false);
    const sound = new Request("http://localhost/login", { method: "POST", headers: { "content-type": "text/plain;charset=UTF-8", "next-action": "60" }, body: "[]" });
    expect(await isSoundActionRequest(sound)).toBe(true);
  });
});
