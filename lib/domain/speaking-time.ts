// How long the chair may give someone the floor, in seconds: the same bounds for the chair's
// form and for the use case that stores the limit. Pure constants.

/** What a turn gets unless the chair says otherwise: three minutes, a usual statement of position. */
export const DEFAULT_SPEAKING_LIMIT_SECONDS = 180;
/** Below a quarter of a minute the countdown would end before a delegate has finished a sentence. */
export const MIN_SPEAKING_LIMIT_SECONDS = 15;
/** Half an hour, far beyond any statement: a larger number is a typing slip, not a turn. */
export const MAX_SPEAKING_LIMIT_SECONDS = 1800;
