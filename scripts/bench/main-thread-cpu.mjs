// The page's main-thread CPU time while it opens, from a Chromium trace: thread time, which a busy
// machine stretches much less than wall-clock time, split at the moment the first parser-run script
// starts (before: loading, decoding and parsing the HTML; after: that script and everything it
// starts, up to the 'certbench:interactive' mark).

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'blink.user_timing', 'loading', 'blink'];

/** Opens `url` in a fresh context of `browser` (Playwright's Chromium) and returns { interactive, beforeScript, scriptToInteractive } in ms. */
export async function tracedOpen(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const interactive = await page.evaluate(() => performance.getEntriesByName('certbench:interactive')[0].startTime);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    return { interactive, ...split(traceEvents, interactive) };
  } finally {
    await context.close();
  }
}

function split(events, interactive) {
  const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith('file:'));
  const parse = events.find((e) => e.name === 'ParseHTML' && e.pid === nav.pid);
  const end = nav.ts + interactive * 1000;
  const onMain = events
    .filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.tdur !== undefined && e.ts + e.dur >= nav.ts && e.ts <= end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Top-level events only (nested ones are part of their parent's thread time).
  const top = [];
  for (const e of onMain) if (!top.length || e.ts >= top[top.length - 1].ts + top[top.length - 1].dur) top.push(e);
  const script = onMain.find((e) => e.name === 'EvaluateScript');
  const ms = (xs) => xs.reduce((s, e) => s + e.tdur, 0) / 1000;
  // The task that runs the script also parsed the HTML before it: its thread time minus the script's is "before".
  const holder = top.find((e) => e.ts <= script.ts && script.ts < e.ts + e.dur);
  return {
    beforeScript: ms(top.filter((e) => e.ts + e.dur <= script.ts)) + (holder.tdur - script.tdur) / 1000,
    scriptToInteractive: ms(top.filter((e) => e.ts > holder.ts)) + script.tdur / 1000,
  };
}
