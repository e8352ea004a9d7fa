/** First calendar year whose NYSE holidays and sessions this module knows. */
export const CALENDAR_FIRST_YEAR = 1990;
/** Last calendar year whose NYSE holidays and sessions this module knows. */
export const CALENDAR_LAST_YEAR = 2035;
