import { builtInServiceTags, installedServiceTags, type ServiceTagsFile } from "./service-tags.js";

/**
 * The facts about Azure that are not resources but are inputs to the semantics: today the
 * service tags file (built in, or a downloaded `ServiceTags_Public_*.json`). It travels
 * inside every snapshot (`World.catalog`), so `reach` has no hidden global input.
 *
 * @example
 * const catalog = createCatalog({ serviceTags: loadServiceTagsFile(path) });
 */
export interface Catalog {
  readonly serviceTags: ServiceTagsFile;
}

const BUILT_IN: Catalog = Object.freeze({ serviceTags: builtInServiceTags() });

/** The built-in catalog (made-up but well-formed service tag ranges). */
export function builtInCatalog(): Catalog {
  return BUILT_IN;
}

/** A catalog with the given parts; the built-in ones for the rest. */
export function createCatalog({ serviceTags }: Partial<Catalog> = {}): Catalog {
  return serviceTags ? Object.freeze({ serviceTags }) : BUILT_IN;
}

/** The catalog a world carries, or the built-in one for a world that carries none (tests' builders). */
export function catalogOf(world: { readonly catalog?: Catalog }): Catalog {
  if (world.catalog) return world.catalog;
  // Transitional (see `installServiceTags`): a file installed at start-up, for worlds without a catalog.
  const installed = installedServiceTags();
  return installed ? createCatalog({ serviceTags: installed }) : BUILT_IN;
}
