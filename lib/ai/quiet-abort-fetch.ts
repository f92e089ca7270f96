/**
 * `fetch` for the OpenRouter provider. When a reply is stopped, provider
 * 3.1.0 cancels the response body it wraps without awaiting the promise
 * (`withStreamErrorHandling`), and that promise rejects because the aborted
 * body has already errored: one unhandled rejection per Stop. Here the body
 * ends quietly once the request's own signal has fired, so the cancel
 * resolves; any other read error still propagates as before.
 */
export const quietAbortFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const signal = init?.signal;
  const body = response.body;
  if (!signal || !body) return response;
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
};
