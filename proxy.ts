import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";

/**
 * Refuses paths that are not valid percent-encoding before routing: Next's
 * router answers them with a bare 500, and an id that cannot be decoded is
 * the client's mistake.
 */
export function proxy(request: NextRequest) {
  for (const segment of request.nextUrl.pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return NextResponse.json(
        {
          error: {
            code: "bad_request:api",
            message: "The address is not valid percent-encoding.",
            status: 400,
          },
        },
        { status: 400 },
      );
    }
  }
  return NextResponse.next();
}

export const config = { matcher: ["/api/:path*", "/c/:path*"] };
