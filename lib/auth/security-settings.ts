// Security settings of the application itself (not payout policy). docs/decisions/008.

/** Wrong passwords in a row that lock an account, and for how long. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

/**
 * Failed sign-ins from one client address (whatever the account) before that address is refused
 * for the rest of the window. Higher than the lockout so that one office behind one address can
 * mistype without being shut out, low enough to stop guessing across many accounts.
 */
export const ADDRESS_THROTTLE_FAILURES = 20;
export const ADDRESS_THROTTLE_WINDOW_MINUTES = 15;

/** Wrong current passwords on the change-password form per session user before it is refused for a while. */
export const CURRENT_PASSWORD_FAILURES = 5;
export const CURRENT_PASSWORD_WINDOW_MINUTES = 15;

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const BCRYPT_COST = 10;
/** bcrypt reads only the first 72 bytes of a password; longer ones are refused, never cut. */
export const PASSWORD_MAX_BYTES = 72;
