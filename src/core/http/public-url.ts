/**
 * The address the public reaches sogd at (SOGD_PUBLIC_URL), read once at
 * start: status-list URLs inside signed credentials and the did:web document
 * are built from it, never from the request's Host header, which any client
 * sets (a credential signed for "Host: evil.example" would point verifiers
 * there). An origin only: sogd is served at the root of its host, where
 * /.well-known/did.json must be.
 */
export function publicUrlFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  port: number = Number(env.PORT ?? 3000),
): string {
  const raw = env.SOGD_PUBLIC_URL?.trim() || `http://localhost:${port}`;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    url.pathname !== '/'
  )
    throw new Error(
      `SOGD_PUBLIC_URL "${raw}" không hợp lệ: cần địa chỉ gốc mà người dân truy cập, dạng https://sogd.example.gov.vn (không có đường dẫn, truy vấn hay #).`,
    );
  return url.origin;
}

/** did:web of a public URL: the host, its port as %3A (W3C did:web method). */
export const didWebOf = (publicUrl: string): string =>
  `did:web:${encodeURIComponent(new URL(publicUrl).host)}`;
