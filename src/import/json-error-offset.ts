/**
 * The offset of the first JSON syntax error in `text` [RFC 8259], for messages: V8 names
 * the position for some errors only. Iterative over nesting, so deep input cannot overflow.
 *
 * @example
 * jsonErrorOffset('{"a": oops}') // → 6
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const stack: string[] = [];
  const value = (): boolean => {
    for (;;) {
      ws();
      const c = text[i];
      if (c === "{" || c === "[") {
        stack.push(c === "{" ? "}" : "]");
        i++;
        ws();
        if (text[i] === stack[stack.length - 1]) {
          stack.pop();
          i++;
          return true;
        }
        if (c === "{" && !keyColon()) return false;
        continue;
      }
      if (c === '"') return string();
      const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) return false;
      i += m[0].length;
      return true;
    }
  };
  const string = (): boolean => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) return false;
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= text.length) return false;
    i++;
    return true;
  };
  const keyColon = (): boolean => {
    ws();
    if (text[i] !== '"' || !string()) return false;
    ws();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };
  if (!value()) return i;
  for (;;) {
    ws();
    const close = stack[stack.length - 1];
    if (!close) return i < text.length ? i : -1;
    if (text[i] === close) {
      stack.pop();
      i++;
      continue;
    }
    if (text[i] !== ",") return i;
    i++;
    if (!(close === "}" ? keyColon() && value() : value())) return i;
  }
}
