// The household forms, parsed by the commands. A member is named by their full ID number (the
// clerk has the household register booklet in hand); who is head is a relation like the others.
import { z } from "zod";
import { idNumberField } from "@/lib/people/person.schema";
import { cleanText } from "@/lib/text-input";

export const RELATIONS_TO_HEAD = ["HEAD", "SPOUSE", "CHILD", "PARENT", "PARENT_IN_LAW", "OTHER"] as const;

const id = z.uuid({ message: "validation.invalid" });
const address = z.string({ message: "validation.addressRequired" }).trim().min(1, { message: "validation.addressRequired" }).pipe(cleanText(100));
const relationToHead = z.enum(RELATIONS_TO_HEAD, { message: "validation.relationToHead" });
const regionCode = z.string({ message: "validation.personRegion" }).regex(/^\d{9}(\d{3})?$/, { message: "validation.personRegion" });

/** A household is registered with its head, at the head's place of registration. */
export const createHouseholdSchema = z.object({ headId: id, address });

export const updateHouseholdSchema = z.object({ householdId: id, address, regionCode });

export const addHouseholdMemberSchema = z.object({ householdId: id, memberIdNumber: idNumberField, relationToHead });

export const setMemberRelationSchema = z.object({ householdId: id, personId: id, relationToHead });

export const removeHouseholdMemberSchema = z.object({ householdId: id, personId: id });

export const HOUSEHOLD_FIELD_LABELS = {
  address: "households.address",
  regionCode: "households.region",
  memberIdNumber: "households.memberIdNumber",
  relationToHead: "people.relation",
} as const;
