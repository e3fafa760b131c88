/**
 * Text from a user's data (a cell quoted in a message, a file name) made safe for a terminal:
 * a CR in a cell would send the cursor back over the line, and an ESC could restyle or rewrite
 * the screen. C0 controls and DEL become their Unicode control pictures (␍ ␊ ␉ ␛), as editors
 * show them; C1 controls, which terminals may also obey, become \u0080-style escapes.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g

export function visible(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0)
    if (code < 0x20) return String.fromCharCode(0x2400 + code)
    if (code === 0x7f) return '\u2421'
    return `\\u${code.toString(16).padStart(4, '0')}`
  })
}
