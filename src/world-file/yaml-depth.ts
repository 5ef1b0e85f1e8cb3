import { Composer, type Document, type LineCounter, Parser, YAMLParseError } from "yaml";

/**
 * How deep a site file or a world file may nest collections (a site file needs six, a world file about a dozen). The YAML
 * library composes a document by recursion, once per level: about a thousand levels of
 * `[` overflow the stack, and when the overflow lands while V8 compiles one of the
 * library's regular expressions, V8 ends the process ("RegExpCompiler Allocation
 * failed") instead of throwing, so no `catch` can help: the depth is checked first.
 */
export const MAX_YAML_DEPTH = 64;

interface CstNode {
  offset?: number;
  value?: unknown;
  items?: { key?: unknown; value?: unknown }[];
}

/**
 * The offset of the first collection nested deeper than `max` levels, or undefined.
 * Reads the library's concrete syntax tree, which its parser builds without recursion,
 * and walks it with a stack of its own.
 *
 * @example
 * tooDeepAt("a: [[[1]]]", 2) // → 6
 */
export function tooDeepAt(source: string, max = MAX_YAML_DEPTH): number | undefined {
  for (const token of new Parser().parse(source)) {
    const at = tokenTooDeepAt(token, max);
    if (at !== undefined) return at;
  }
  return undefined;
}

function tokenTooDeepAt(token: unknown, max: number): number | undefined {
  const stack: [CstNode, number][] = [[token as CstNode, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, outer] = top;
    const depth = node.items ? outer + 1 : outer;
    if (depth > max) return node.offset ?? 0;
    const push = (child: unknown) => {
      if (child && typeof child === "object") stack.push([child as CstNode, depth]);
    };
    push(node.value);
    for (const item of node.items ?? []) {
      push(item.key);
      push(item.value);
    }
  }
  return undefined;
}

/** Thrown by `parseCheckedDocument` for a collection nested deeper than the limit. */
export class YamlTooDeepError extends Error {
  constructor(
    readonly offset: number,
    readonly max: number,
  ) {
    super(`collections nest deeper than ${max} levels`);
  }
}

/**
 * `parseDocument` of the YAML library, parsing once: each document's syntax tree is checked
 * for depth before the composer (which recurses) sees it. Errors carry `linePos` from the
 * line counter; a second document is an error, as in `parseDocument`.
 *
 * @example
 * parseCheckedDocument("a: 1\n", new LineCounter()).toJS() // { a: 1 }
 */
export function parseCheckedDocument(
  source: string,
  lineCounter: LineCounter,
  options: { uniqueKeys?: boolean } = {},
  max = MAX_YAML_DEPTH,
): Document.Parsed {
  function* checked(tokens: Iterable<unknown>) {
    for (const token of tokens) {
      const at = tokenTooDeepAt(token, max);
      if (at !== undefined) throw new YamlTooDeepError(at, max);
      yield token as never;
    }
  }
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(
    checked(new Parser(lineCounter.addNewLine).parse(source)),
    true,
    source.length,
  )) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents"),
      );
      break;
    }
  }
  const out = doc as Document.Parsed;
  for (const error of out.errors) error.linePos ??= [lineCounter.linePos(error.pos[0])];
  return out;
}
