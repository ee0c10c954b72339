import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A context in which any request off this machine fails the test: no CDN, no remote fonts. */
export async function localOnlyContext(
  browser: Browser,
  options: { width: number; height: number },
): Promise<{ context: BrowserContext; remoteRequests: string[] }> {
  const context = await browser.newContext({ viewport: options, locale: 'vi-VN' });
  const remoteRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:')
      return route.continue();
    remoteRequests.push(url.toString());
    return route.abort();
  });
  return { context, remoteRequests };
}
