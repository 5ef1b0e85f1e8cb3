/** One Azure resource as an export shows it, with where it was read. */
export interface RawResource {
  id: string;
  type: string;
  name: string;
  location?: string;
  kind?: string;
  tags?: Record<string, unknown>;
  properties: Record<string, unknown>;
  file: string;
  line: number;
}
