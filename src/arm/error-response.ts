import { ArmError } from "../rules/errors.js";
import type { ArmRequest, ArmResponse } from "./http-types.js";

/**
 * Domain errors render themselves; anything else is logged and becomes a 500 that
 * carries the request id (STYLE.md §12).
 */
export function renderError(req: ArmRequest, error: unknown, status?: number, message?: string): ArmResponse {
  if (error instanceof ArmError) return { status: error.status, body: error.toBody() };
  if (status && message) {
    const code = (error as { code?: string }).code ?? "NotFound";
    return { status, body: { error: { code, message } } };
  }
  console.error(`arclink:arm request ${req.requestId} ${req.method} ${req.path} failed:`, error);
  return {
    status: 500,
    body: {
      error: {
        code: "InternalServerError",
        message: `The server failed to process the request. Request id: '${req.requestId}'.`,
      },
    },
  };
}
