/** One resource of the world being built: its ARM id, the PUT body, and the source line it came from. */
export interface ImportedEntry {
  id: string;
  body: Record<string, unknown>;
  file: string;
  line: number;
}
