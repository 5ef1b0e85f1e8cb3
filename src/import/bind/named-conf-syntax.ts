import type { ImportLog } from "../import-log.js";

/** One statement of named.conf: its words (quotes removed), its `{ … }` block if any, and its line. */
export interface Statement {
  words: string[];
  block?: Statement[];
  line: number;
}

interface Token {
  value: string;
  quoted: boolean;
  line: number;
}

function tokenize(source: string, file: string, log: ImportLog): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "\n") {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === "#" || (c === "/" && source[i + 1] === "/")) {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === "\n") line++;
      if (end < 0) log.problem(file, line, "'*/' closing a comment", "the end of the file");
      i = stop;
    } else if (c === '"') {
      const end = source.indexOf('"', i + 1);
      if (end < 0) {
        log.problem(file, line, "a closing '\"'", "the end of the file");
        return out;
      }
      out.push({ value: source.slice(i + 1, end), quoted: true, line });
      for (let k = i; k < end; k++) if (source[k] === "\n") line++;
      i = end + 1;
    } else if ("{};".includes(c)) {
      out.push({ value: c, quoted: false, line });
      i++;
    } else {
      const m = /^[^\s{};"#]+/.exec(source.slice(i, i + 512));
      const word = m ? m[0] : c;
      out.push({ value: word, quoted: false, line });
      i += word.length;
    }
  }
  return out;
}

/**
 * Parses the grammar of named.conf [BIND-ARM §named.conf]: statements end with `;`, a
 * block is `{ statements }`, comments are `//`, `#` and `/* … *\/`. A missing `;` or an
 * unbalanced brace is a problem at its line; the statements read until then are kept.
 *
 * @example
 * parseNamedConf('zone "a" { type forward; forwarders { 10.0.0.1; }; };', "named.conf", log)
 */
export function parseNamedConf(source: string, file: string, log: ImportLog): Statement[] {
  const tokens = tokenize(source, file, log);
  let pos = 0;
  const block = (depth: number): Statement[] => {
    const out: Statement[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (!t.quoted && t.value === "}") {
        if (depth === 0) {
          log.problem(file, t.line, "a statement", "an unmatched '}'");
          pos++;
          continue;
        }
        return out;
      }
      const statement: Statement = { words: [], line: t.line };
      while (pos < tokens.length) {
        const w = tokens[pos];
        if (!w.quoted && w.value === ";") {
          pos++;
          break;
        }
        if (!w.quoted && w.value === "{") {
          pos++;
          statement.block = depth < 16 ? block(depth + 1) : [];
          if (tokens[pos]?.value === "}") pos++;
          else log.problem(file, tokens[pos - 1]?.line ?? t.line, "'}' closing the block", "the end of the file");
          continue;
        }
        if (!w.quoted && w.value === "}") {
          log.problem(file, w.line, "';' after the statement", "'}'");
          break;
        }
        if (statement.block) {
          log.problem(file, w.line, "';' after '}'", JSON.stringify(w.value));
          break;
        }
        statement.words.push(w.value);
        pos++;
      }
      if (statement.words.length > 0 || statement.block) out.push(statement);
    }
    return out;
  };
  return block(0);
}
