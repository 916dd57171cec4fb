import { z } from "zod";
import { RUN_BY } from "@/lib/rules/domain";
import { cleanText } from "@/lib/text-input";

const oneToThree = z.coerce.number({ message: "validation.level" }).int({ message: "validation.level" }).min(1, { message: "validation.level" }).max(3, { message: "validation.level" });
const yesNo = z.enum(["true", "false"], { message: "validation.invalid" }).transform((v) => v === "true");

const fields = {
  // The national medical-security platform's 定点医药机构 code (fixmedins_code), e.g. H14032200012.
  code: z.string({ message: "validation.hospitalCode" }).trim().toUpperCase().regex(/^[A-Z0-9]{4,20}$/, { message: "validation.hospitalCode" }),
  name: z.string({ message: "validation.hospitalName" }).trim().min(2, { message: "validation.hospitalName" }).pipe(cleanText(60)),
  regionCode: z.string({ message: "validation.regionCode" }).regex(/^\d{6}(\d{3}(\d{3})?)?$/, { message: "validation.regionCode" }),
  level: oneToThree,
  priceClass: oneToThree,
  runBy: z.enum(RUN_BY, { message: "validation.runBy" }),
  isPublic: yesNo,
  province: z.string({ message: "validation.province" }).trim().regex(/^[A-Z]{2}$/, { message: "validation.province" }),
  cardDesignated: yesNo,
};

export const createHospitalSchema = z.object(fields);
export const updateHospitalSchema = z.object({ id: z.uuid({ message: "validation.invalid" }), ...fields });

export const HOSPITAL_FIELD_LABELS = {
  code: "hospitals.code",
  name: "hospitals.name",
  regionCode: "hospitals.region",
  level: "hospitals.level",
  priceClass: "hospitals.priceClass",
  runBy: "hospitals.runBy",
  isPublic: "hospitals.isPublic",
  province: "hospitals.province",
  cardDesignated: "hospitals.cardDesignated",
} as const;
