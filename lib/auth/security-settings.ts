// Security settings of the application itself (not payout policy).
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const BCRYPT_COST = 10;
