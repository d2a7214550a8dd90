// Text bound for a terminal: control characters from documents, sidecars or file names could move the cursor,
// rewrite the window title, hide text or plant links (ESC/CSI/OSC sequences), so they are removed.

/** ESC sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes) and their 8-bit C1 forms. */
const SEQUENCES = new RegExp([
  '\\x1b\\[[0-?]*[ -/]*[@-~]?', // CSI
  '\\x9b[0-?]*[ -/]*[@-~]?',
  '\\x1b\\][^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)?', // OSC ... BEL | ST
  '\\x9d[^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)?',
  '\\x1b[PX^_][^\\x1b\\x9c]*(?:\\x1b\\\\|\\x9c)?', // DCS, SOS, PM, APC ... ST
  '[\\x90\\x98\\x9e\\x9f][^\\x1b\\x9c]*(?:\\x1b\\\\|\\x9c)?',
  '\\x1b[ -/]*[0-~]?', // other escapes (charset selection, RIS, ...)
].join('|'), 'g');
/** C0 controls except tab and newline, DEL, and C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function stripControls(s: string): string {
  return s.replace(SEQUENCES, '').replace(CONTROLS, '');
}

/**
 * JSON for a terminal without changing its data: DEL and C1 controls (which JSON.stringify leaves raw) are written
 * as \u escapes, the same characters to any JSON reader. They can only occur inside strings, so this is safe.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\x7f-\x9f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
