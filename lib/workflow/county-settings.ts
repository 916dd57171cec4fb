// Settings each county keeps for its procedure (not payout policy: no document fixes them, so
// they are not in the policy library). The database side stores a county's own value.

/** Days a case stays posted (公示) when the county has not set its own period (issue 8). */
export const DEFAULT_PUBLICITY_DAYS = 7;
