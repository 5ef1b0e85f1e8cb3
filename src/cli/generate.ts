import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { DEFAULT_TENANT_ID } from "../arm/app.js";
import {
  type Generated,
  GenerateError,
  generateDnsConfig,
  generateFirewall,
  generateHosts,
  generateNsgRules,
  generateOnboardingScript,
  generateZoneFile,
  parseTags,
} from "../generate/index.js";
import type { World } from "../world/index.js";
import { UsageError } from "./exit-codes.js";
import { loadCliWorld, worldOrData } from "./world-source.js";

interface OutputOptions {
  world?: string;
  data?: string;
  out?: string;
  json?: boolean;
}

type Options = OutputOptions & Record<string, string | boolean | undefined>;

const list = (value: string | undefined) =>
  value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The options every kind shares: where the world comes from and where the output goes. */
function common(cmd: Command): Command {
  return cmd
    .option("--world <file>", "world file (YAML or JSON list of resources), applied in memory")
    .option("--data <dir>", "data directory of a store (default ./.arclink)")
    .option("--out <file>", "write to a file instead of stdout")
    .option("--json", "print {kind, data, warnings} as JSON");
}

/** Runs a generator; its errors become one-line usage errors (exit 2). */
async function emit(opts: OutputOptions, needsWorld: boolean, run: (world: World | undefined) => Generated<unknown>) {
  const world = needsWorld ? loadCliWorld(worldOrData(opts)).world : undefined;
  let result: Generated<unknown>;
  try {
    result = run(world);
  } catch (error) {
    if (error instanceof GenerateError) throw new UsageError(error.message);
    throw error;
  }
  for (const n of result.notes ?? []) process.stderr.write(`arclink: ${n}\n`);
  for (const w of result.warnings) process.stderr.write(`arclink: warning: ${w}\n`);
  const { kind, data, warnings, notes } = result;
  const text = opts.json
    ? `${JSON.stringify({ kind, data, warnings, ...(notes ? { notes } : {}) }, null, 2)}\n`
    : result.text;
  if (opts.out) writeFileSync(opts.out, text);
  else process.stdout.write(text);
}

function readServiceTags(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `Cannot read service tags file '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(`Service tags file '${path}' is not JSON: ${(error as Error).message}.`);
  }
}

/** `arclink generate <kind>`: the files people write by hand, from the world. */
export function registerGenerate(program: Command): void {
  const gen = program
    .command("generate")
    .description("write hosts files, DNS configs, NSG and firewall rules, onboarding scripts from the world");

  common(gen.command("hosts").description("hosts-file lines mapping the Arc names to a private endpoint"))
    .option("--host <host>", "an Arclink.OnPremises/sites/hosts id or name")
    .option("--private-endpoint <pe>", "a private endpoint id or name (instead of, or besides, --host)")
    .option("--private-link-scope <scope>", "the scope, for a host without a machine")
    .option("--os <os>", "windows or linux (default: the host's)")
    .option("--kubernetes", "include <region>.dp.kubernetesconfiguration.azure.com (default: when the endpoint has it)")
    .option("--no-kubernetes", "leave the Kubernetes configuration name out")
    .action((o: Options) =>
      emit(o, true, (w) =>
        generateHosts(w!, {
          host: o.host as string | undefined,
          privateEndpoint: o.privateEndpoint as string | undefined,
          privateLinkScope: o.privateLinkScope as string | undefined,
          os: o.os as string | undefined,
          kubernetes: o.kubernetes as boolean | undefined,
        }),
      ),
    );

  common(gen.command("dns-config").description("the FQDN/IP table of a private endpoint's DNS configuration"))
    .requiredOption("--private-endpoint <pe>", "a private endpoint id or name")
    .action((o: Options) =>
      emit(o, true, (w) => generateDnsConfig(w!, { privateEndpoint: o.privateEndpoint as string })),
    );

  common(
    gen.command("zone-file").description("on-premises DNS server config: conditional forwarders or static records"),
  )
    .requiredOption("--private-endpoint <pe>", "a private endpoint id or name")
    .requiredOption("--format <format>", "bind, windows-dns, dnsmasq or unbound")
    .option("--mode <mode>", "forwarders or records", "forwarders")
    .option(
      "--forward-to <ips>",
      "comma-separated forwarding targets (default: resolver inbound endpoints in the endpoint's vnet)",
    )
    .action((o: Options) =>
      emit(o, true, (w) =>
        generateZoneFile(w!, {
          privateEndpoint: o.privateEndpoint as string,
          format: o.format as string,
          mode: o.mode as string,
          forwardTo: list(o.forwardTo as string | undefined),
        }),
      ),
    );

  common(gen.command("nsg-rules").description("the documented outbound NSG rules for Entra ID and ARM"))
    .option("--format <format>", "arm, cli or bicep", "arm")
    .option("--nsg <nsg>", "an NSG in the world: fills in its names and checks priorities")
    .action((o: Options) =>
      emit(o, Boolean(o.nsg), (w) =>
        generateNsgRules(w, { format: o.format as string, nsg: o.nsg as string | undefined }),
      ),
    );

  common(gen.command("firewall").description("host firewall rules: outbound TCP 443 to service tag prefixes"))
    .requiredOption("--format <format>", "nftables, iptables or windows-firewall")
    .option("--service-tags <file>", "a downloaded service tags JSON file (default: the built-in catalog)")
    .option("--tags <names>", "comma-separated service tags", "AzureActiveDirectory,AzureResourceManager")
    .action((o: Options) => {
      const file = o.serviceTags as string | undefined;
      const serviceTags = file ? readServiceTags(file) : undefined;
      return emit(o, false, () =>
        generateFirewall({
          format: o.format as string,
          tags: list(o.tags as string),
          serviceTags,
          serviceTagsSource: file,
        }),
      );
    });

  common(
    gen
      .command("onboarding-script")
      .description(
        "install the agent and azcmagent connect, through a private link scope (default) or over the public endpoints",
      ),
  )
    .requiredOption("--os <os>", "windows or linux")
    .option(
      "--connectivity <method>",
      "the portal's connectivity method: private-endpoint (through --private-link-scope) or public-endpoint (no scope)",
      "private-endpoint",
    )
    .option(
      "--private-link-scope <scope>",
      "private-endpoint only: the scope's resource id (or unique name); default: the world's only scope",
    )
    .option(
      "--resource-group <rg>",
      "resource group of the machine (default: the scope's; required with public-endpoint)",
    )
    .option(
      "--location <region>",
      "region (private-endpoint: default and only choice the scope's; public-endpoint: default the resource group's)",
    )
    .option(
      "--subscription-id <id>",
      "subscription of the machine (default: the scope's; public-endpoint: the resource group's, or the world's only one)",
    )
    .option("--tenant-id <id>", "tenant (default: the arclink tenant)", DEFAULT_TENANT_ID)
    .option("--tags <k=v,...>", "tags of the machine resource")
    .option("--service-principal-id <id>", "connect with a service principal (for many servers)")
    .option("--service-principal-secret-env <var>", "environment variable holding its secret (default ARC_SP_SECRET)")
    .addHelpText(
      "after",
      `
Both scripts check that the Arc names resolve as the method needs (the scope's private
endpoint, or a public address), install the Connected Machine agent and run azcmagent connect.

Examples:
  arclink generate onboarding-script --world lab.yaml --os linux --private-link-scope arc-pls
  arclink generate onboarding-script --world lab.yaml --os windows --connectivity public-endpoint --resource-group servers`,
    )
    .action((o: Options) =>
      emit(o, true, (w) =>
        generateOnboardingScript(w!, {
          os: o.os as string,
          connectivity: o.connectivity as string,
          privateLinkScope: o.privateLinkScope as string | undefined,
          resourceGroup: o.resourceGroup as string | undefined,
          location: o.location as string | undefined,
          subscriptionId: o.subscriptionId as string | undefined,
          tenantId: o.tenantId as string | undefined,
          tags: o.tags ? parseTags(o.tags as string) : undefined,
          servicePrincipalId: o.servicePrincipalId as string | undefined,
          servicePrincipalSecretEnv: o.servicePrincipalSecretEnv as string | undefined,
        }),
      ),
    );
}
