import { typeKey } from "../../world/index.js";
import type { Provider, TypeHandler } from "./provider.js";

export interface RegisteredType {
  provider: Provider;
  handler: TypeHandler;
  apiVersions: readonly string[];
}

/** Case-insensitive lookup of providers and types. */
export class Registry {
  #providers = new Map<string, Provider>();
  #types = new Map<string, RegisteredType>();

  constructor(readonly providers: readonly Provider[]) {
    for (const provider of providers) {
      this.#providers.set(provider.namespace.toLowerCase(), provider);
      for (const handler of provider.types) {
        this.#types.set(typeKey(handler.type), {
          provider,
          handler,
          apiVersions: handler.apiVersions ?? provider.apiVersions,
        });
      }
    }
  }

  provider(namespace: string): Provider | undefined {
    return this.#providers.get(namespace.toLowerCase());
  }

  type(type: string): RegisteredType | undefined {
    return this.#types.get(typeKey(type));
  }
}
