import type { ArmResponse } from "../arm/http-types.js";
import { GenerateError, generateHosts, generateOnboardingScript } from "../generate/index.js";
import type { World } from "../world/world.js";

/** A generator's answer as the portal downloads it: the text, a file name and the warnings. */
function generated(text: string, fileName: string, warnings: string[]): ArmResponse {
  return { status: 200, body: { text, fileName, warnings } };
}

function refused(error: unknown): ArmResponse {
  if (!(error instanceof GenerateError)) throw error;
  return { status: 400, body: { error: { code: error.code, message: error.message } } };
}

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

/**
 * `GET /_arclink/generate/hosts?privateEndpoint=<id>&os=windows|linux`: the hosts file of
 * a private endpoint, from the same generator as `arclink generate hosts`.
 */
export function hostsFile(world: World, query: URLSearchParams): ArmResponse {
  try {
    const os = query.get("os") ?? "";
    const out = generateHosts(world, { privateEndpoint: query.get("privateEndpoint") ?? "", os });
    const name = out.data.privateEndpointId.split("/").pop();
    return generated(out.text, `hosts-${name}-${out.data.os}.txt`, out.warnings);
  } catch (error) {
    return refused(error);
  }
}

/**
 * `POST /_arclink/generate/onboarding-script` with `{os, connectivity?, privateLinkScope?,
 * resourceGroup?, location?, subscriptionId?, tenantId?, tags?}`: the script of `arclink
 * generate onboarding-script` with the same options (`connectivity`: `private-endpoint`,
 * the default, or `public-endpoint`).
 */
export function onboardingScript(world: World, body: Record<string, unknown>): ArmResponse {
  try {
    const tags = body.tags && typeof body.tags === "object" ? (body.tags as Record<string, unknown>) : {};
    const out = generateOnboardingScript(world, {
      os: String(body.os ?? ""),
      connectivity: str(body.connectivity),
      privateLinkScope: str(body.privateLinkScope),
      resourceGroup: str(body.resourceGroup),
      location: str(body.location),
      subscriptionId: str(body.subscriptionId),
      tenantId: str(body.tenantId),
      tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, String(v)])),
    });
    return generated(out.text, out.data.os === "linux" ? "OnboardingScript.sh" : "OnboardingScript.ps1", out.warnings);
  } catch (error) {
    return refused(error);
  }
}
