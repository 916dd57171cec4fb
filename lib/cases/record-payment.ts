import { recordPaymentSchema } from "./case.schema";
import { defineCaseTransition } from "./case-command";

/** The finance bureau records that an approved case was paid (the payment run itself is its own issue). */
export const recordPayment = defineCaseTransition({ permission: "payment:record", schema: recordPaymentSchema, transition: "recordPayment" }, (input) => ({
  paidOn: input.paidOn,
  reference: input.reference,
}));
