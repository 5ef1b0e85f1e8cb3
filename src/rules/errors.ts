/**
 * The catalogue of ARM error codes arclink returns, each with its HTTP status. Codes
 * are Azure's where Azure's are known. A code is never reused for another meaning;
 * `docs/errors.md` lists the same codes (a test checks both ways).
 */
export const ARM_ERRORS = {
  // Request shape
  InvalidRequestContent: 400,
  RequestEntityTooLarge: 413,
  // The HTTPS front refuses what is not a well-formed request before routing (docs/reliability.md).
  UnsupportedMediaType: 415,
  InvalidRequestUri: 400,
  InvalidHostHeader: 400,
  InvalidHttpRequest: 400,
  RequestHeaderFieldsTooLarge: 431,
  RequestTimeout: 408,
  ExpectationFailed: 417,
  // Tag limits (learn.microsoft.com "Use tags to organize your Azure resources"): at most 50 tags,
  // names 1-512 characters without < > % & \ ? /, values at most 256. TooManyTags is arclink's.
  InvalidTagName: 400,
  InvalidTagNameCharacters: 400,
  InvalidTagValueLength: 400,
  TooManyTags: 400,
  InvalidApiVersionParameter: 400,
  MissingApiVersionParameter: 400,
  InvalidResourceId: 400,
  InvalidResourceNamespace: 400,
  InvalidResourceType: 400,
  InvalidResourceName: 400,
  InvalidResourceGroupName: 400,
  InvalidResourceLocation: 400,
  LocationRequired: 400,
  LocationNotAvailableForResourceType: 400,
  InvalidParameter: 400,
  InvalidRequestFormat: 400,
  PropertyChangeNotAllowed: 400,
  ReadOnlyPropertyChanged: 400,
  MethodNotAllowed: 405,
  // Existence and state
  SubscriptionNotFound: 404,
  ResourceGroupNotFound: 404,
  ResourceNotFound: 404,
  ParentResourceNotFound: 404,
  NotFound: 404,
  LinkedResourceNotFound: 400,
  // A machine and its private link scope must share a region [DOC-PL]; Azure's own code is undocumented.
  InvalidPrivateLinkScopeLocation: 400,
  Conflict: 409,
  // Private DNS, DNS resolver, premises: value errors and documented limits [SPEC-PDNS, DOC-PDNS, JS-DNSR].
  BadRequest: 400,
  QuotaExceeded: 400,
  ReservedResourceName: 400,
  PrivateIPAddressInUse: 400,
  PrivateIPAddressNotInSubnet: 400,
  // A site's address space overlaps a virtual network it connects to (docs/premises.md).
  SiteAddressSpaceOverlapsVirtualNetwork: 400,
  // Microsoft.Network: vnets, subnets, NSGs, private endpoints (Azure's codes, src/rules/network/README.md).
  LinkedInvalidPropertyId: 400,
  DuplicateResourceName: 400,
  InvalidResourceReference: 400,
  InvalidAddressPrefixFormat: 400,
  InvalidCIDRNotation: 400,
  NetcfgSubnetRangeOutsideVnet: 400,
  NetcfgSubnetRangesOverlap: 400,
  VnetAddressSpacesOverlap: 400,
  InUseSubnetCannotBeDeleted: 400,
  InUseSubnetCannotBeUpdated: 400,
  InUseNetworkSecurityGroupCannotBeDeleted: 400,
  NicInUse: 400,
  SecurityRuleInvalidPriority: 400,
  SecurityRuleConflict: 400,
  SecurityRuleInvalidAddressPrefix: 400,
  SecurityRuleParameterContainsUnsupportedValue: 400,
  SecurityRuleInvalidPortRange: 400,
  PrivateIPAddressInReservedRange: 400,
  PrivateIPAddressIsAllocated: 400,
  SubnetIsFull: 400,
  OnlyOneGroupIdPermitted: 400,
  InvalidValuesForRequestParameters: 400,
  // At most one Arc private link scope per virtual network [DOC-PL]; Azure's own code is undocumented.
  OnlyOnePrivateLinkScopePerVirtualNetwork: 400,
  // One private DNS zone group per private endpoint; Azure's own code is undocumented.
  OnlyOnePrivateDnsZoneGroupPerPrivateEndpoint: 400,
  PreconditionFailed: 412,
  // Authentication
  AuthenticationFailed: 401,
  InvalidAuthenticationToken: 401,
  InvalidAuthenticationTokenAudience: 401,
  ExpiredAuthenticationToken: 401,
  InvalidAuthenticationTokenTenant: 401,
  // Admin routes: a credential that is valid but not the lab's own, or a cross-origin request.
  AuthorizationFailed: 403,
  // Server
  InternalServerError: 500,
} as const satisfies Record<string, number>;

export type ArmErrorCode = keyof typeof ARM_ERRORS;

export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/**
 * A domain error that renders itself as an ARM error body
 * `{"error":{"code","message","target","details"}}` [RPC].
 *
 * @example
 * throw new ArmError("LocationRequired", "The location property is required for this definition.");
 */
export class ArmError extends Error {
  readonly status: number;

  constructor(
    readonly code: ArmErrorCode,
    message: string,
    readonly target?: string,
    readonly details: ArmErrorDetail[] = [],
    status?: number,
  ) {
    super(message);
    this.name = "ArmError";
    this.status = status ?? (ARM_ERRORS as Record<string, number>)[code] ?? 400;
  }

  toBody(): { error: { code: string; message: string; target?: string; details?: ArmErrorDetail[] } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.target ? { target: this.target } : {}),
        ...(this.details.length ? { details: this.details } : {}),
      },
    };
  }
}
