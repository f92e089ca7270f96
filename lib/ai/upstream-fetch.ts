/**
 * The `fetch` the OpenRouter provider uses. It adds two things plain fetch
 * lacks for a chat relay:
 *
 * - A limit on the wait for response headers. The SDK's idle timeout starts
 *   only once headers have arrived, so an upstream that never answers would
 *   otherwise hold a reply until the HTTP client's own five-minute limit.
 * - A quiet end to an aborted body. When a reply is stopped, provider 3.1.0
 *   cancels the body it wraps without awaiting the promise, and that promise
 *   rejects because the aborted body has already errored: one unhandled
 *   rejection per Stop. Here the body simply ends once the request's own
 *   signal has fired; any other read error still propagates.
 */
export class UpstreamSilenceError extends Error {
  constructor(seconds: number) {
    super(
      `OpenRouter sent nothing for ${seconds} seconds, so Parley gave up on ` +
        "this reply. Retry, or pick another model.",
    );
    this.name = "UpstreamSilenceError";
  }
}

export function createUpstreamFetch({
  headersTimeoutSeconds,
}: {
  headersTimeoutSeconds: number;
}): typeof fetch {
  return async (input, init) => {
    const silence = new AbortController();
    const timer = setTimeout(
      () => silence.abort(new UpstreamSilenceError(headersTimeoutSeconds)),
      headersTimeoutSeconds * 1000,
    );
    const signals = [silence.signal, init?.signal].filter(
      (signal): signal is AbortSignal => Boolean(signal),
    );
    let response: Response;
    try {
      response = await fetch(input, {
        ...init,
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      throw silence.signal.aborted ? silence.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
    return init?.signal ? quietOnAbort(response, init.signal) : response;
  };
}

function quietOnAbort(response: Response, signal: AbortSignal): Response {
  const body = response.body;
  if (!body) return response;
  const reader = body.getReader();
  const quietBody = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        if (signal.aborted) controller.close();
        else controller.error(error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason).catch(() => {
        // The body is going away either way.
      });
    },
  });
  return new Response(quietBody, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
