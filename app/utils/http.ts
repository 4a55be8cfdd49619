/** The one error type routes throw: a Response with a status the error boundary explains. */
export function httpError(status: 400 | 403 | 404 | 500, message?: string): Response {
  return new Response(message ?? null, { status });
}

export function isKnownStatus(status: number): status is 400 | 403 | 404 | 500 {
  return status === 400 || status === 403 || status === 404 || status === 500;
}
