/** The format the desk reads and writes stories in (story-format.ts), registered by the desk's page. */
export const STORY_FORMAT = "dateline-story";
/** The desk's editor component that starts a live update (live-update.ts). */
export const LIVE_UPDATE_COMPONENT = "live-update";
/** The key under which a story read by the desk carries its file as read (never written). */
export const SOURCE_KEY = "_source";
