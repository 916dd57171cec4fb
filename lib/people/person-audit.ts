import { formatDate } from "@/lib/format";
import { maskBankAccount, maskIdNumber } from "@/lib/people/masking";

type PersonRow = {
  name: string;
  idNumber: string;
  regionCode: string;
  ruralHukou: boolean;
  hukouProvince: string;
  phone: string | null;
  bankAccount: string | null;
  diedOn: Date | null;
  movedOutOn: Date | null;
};

/** What the audit log keeps of a person (the numbers masked: see the person snapshot in lib/audit/audit-events.ts). */
export function personSnapshot(p: PersonRow) {
  return {
    name: p.name,
    idNumber: maskIdNumber(p.idNumber),
    regionCode: p.regionCode,
    ruralHukou: p.ruralHukou,
    hukouProvince: p.hukouProvince,
    phone: p.phone === null ? null : maskIdNumber(p.phone),
    bankAccount: p.bankAccount === null ? null : maskBankAccount(p.bankAccount),
    diedOn: p.diedOn ? formatDate(p.diedOn) : null,
    movedOutOn: p.movedOutOn ? formatDate(p.movedOutOn) : null,
  };
}
