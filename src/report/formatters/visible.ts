/**
 * Text from a user's data (a cell quoted in a message, a file name) made safe for a terminal,
 * an Actions log or a web page: a CR in a cell would send the cursor back over the line, and an
 * ESC could restyle or rewrite the screen; a page would show either as nothing. C0 controls and DEL become their Unicode control pictures (␍ ␊ ␉ ␛), as editors
 * show them; C1 controls, which terminals may also obey, become \u0080-style escapes.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g
/** The same but tab, line feed and carriage return, which a web page lays out as white space. */
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

/** @param layout keep tabs and line breaks (for a web page, which lays them out as white space) */
export function visible(text: string, layout = false): string {
  return text.replace(layout ? CONTROLS_BUT_LAYOUT : CONTROLS, (c) => {
    const code = c.charCodeAt(0)
    if (code < 0x20) return String.fromCharCode(0x2400 + code)
    if (code === 0x7f) return '\u2421'
    return `\\u${code.toString(16).padStart(4, '0')}`
  })
}
