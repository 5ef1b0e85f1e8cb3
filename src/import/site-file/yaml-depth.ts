import { Parser } from "yaml";

/**
 * How deep a site file may nest collections (the format itself needs six). The YAML
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
  }
  return undefined;
}
