/**
 * A resource as the world holds it: the ARM JSON body (exact REST shape) plus an
 * `internal` record for facts Azure keeps but does not return (for example when a
 * machine's scope association was made). `internal` is never rendered on the API.
 */
export interface Resource {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  etag?: string;
  kind?: string;
  identity?: Record<string, unknown>;
  sku?: Record<string, unknown>;
  managedBy?: string;
  systemData?: SystemData;
  properties: Record<string, unknown>;
  internal?: Record<string, unknown>;
}

export interface SystemData {
  createdBy?: string;
  createdByType?: string;
  createdAt?: string;
  lastModifiedBy?: string;
  lastModifiedByType?: string;
  lastModifiedAt?: string;
}

/** The body the API returns for a resource: everything but `internal`. */
export function publicBody(resource: Resource): Omit<Resource, "internal"> {
  const { internal: _internal, ...body } = resource;
  return body;
}
