import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  randomBytes,
} from "node:crypto";

// A stored key is "v1." + base64url(iv ‖ tag ‖ ciphertext): AES-256-GCM
// under a key derived from the server's secret with HKDF-SHA256, so the
// secret itself never encrypts anything and other uses of it stay apart.
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function derive(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "parley", purpose, 32));
}

/** Encrypts `plain` for `purpose` (e.g. "openrouter-key"). */
export function seal(plain: string, secret: Buffer, purpose: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", derive(secret, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]);
  return `${VERSION}.${sealed.toString("base64url")}`;
}

/**
 * The plain text, or undefined when the value was not sealed with this
 * secret for this purpose, or was changed since.
 */
export function unseal(
  sealed: string,
  secret: Buffer,
  purpose: string,
): string | undefined {
  const [version, payload] = sealed.split(".");
  if (version !== VERSION || !payload) return undefined;
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      derive(secret, purpose),
      bytes.subarray(0, IV_BYTES),
    );
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return undefined;
  }
}
