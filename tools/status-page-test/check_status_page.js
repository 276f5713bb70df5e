// Opens a running player's status page in Debian's headless Chromium, as a technician
// would on a phone and at a desk, and prints what it saw as one JSON object for
// tests/control/status_page_test.cpp to judge. Usage: node check_status_page.js URL TOKEN OUTDIR
'use strict';
const puppeteer = require('puppeteer-core');
const path = require('path');

const [url, token, outdir] = process.argv.slice(2);
const sleep = ms => new Promise(r => setTimeout(r, ms));

// The picture's middle pixel, read through a canvas (same origin, so readable).
async function screenColour(page) {
  return page.evaluate(() => {
    const img = document.getElementById('screen');
    if (!img.complete || !img.naturalWidth) return null;
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(c.width >> 1, c.height >> 1, 1, 1).data;
    return [d[0], d[1], d[2]];
  });
}

// Waits up to `ms` for `probe` to give something `done` accepts; returns the last value.
async function waitFor(probe, done, ms) {
  let value;
  for (const end = Date.now() + ms; Date.now() < end; await sleep(250)) {
    value = await probe();
    if (done(value)) break;
  }
  return value;
}

const text = (page, id) => page.$eval('#' + id, e => e.textContent);

(async () => {
  const out = {};
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    // The browser's login prompt, answered with the token as the password.
    await page.authenticate({ username: 'technician', password: token });
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
    await page.goto(url, { waitUntil: 'load' });
    out.pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    out.firstScene = await text(page, 'scene');
    out.firstColour = await waitFor(() => screenColour(page), c => c !== null, 15000);
    await page.screenshot({ path: path.join(outdir, 'phone.png'), fullPage: true });

    // A button without the token: refused, and the show does not move.
    await page.click('[data-command="next"]');
    out.withoutToken = await waitFor(() => text(page, 'result'), t => t.length > 0, 5000);
    await sleep(1500);
    out.sceneAfterRefusal = await text(page, 'scene');

    // With the token typed: accepted, and the scene and the picture follow.
    await page.type('#token', token);
    await page.evaluate(() => { document.getElementById('result').textContent = ''; });
    await page.click('[data-command="next"]');
    out.withToken = await waitFor(() => text(page, 'result'), t => t.length > 0, 5000);
    out.nextScene = await waitFor(() => text(page, 'scene'), s => s !== out.firstScene, 10000);
    out.nextColour = await waitFor(() => screenColour(page),
      c => c && JSON.stringify(c) !== JSON.stringify(out.firstColour), 15000);
    await page.screenshot({ path: path.join(outdir, 'phone-after-next.png'), fullPage: true });

    await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
    await sleep(500);
    await page.screenshot({ path: path.join(outdir, 'desktop.png'), fullPage: true });

    // JavaScript off: the server's HTML alone still says what plays.
    const plain = await browser.newPage();
    await plain.authenticate({ username: 'technician', password: token });
    await plain.setJavaScriptEnabled(false);
    await plain.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
    await plain.goto(url, { waitUntil: 'load' });
    out.noScriptScene = await text(plain, 'scene');
    out.noScriptRoom = await text(plain, 'room');
    out.noScriptFrames = await text(plain, 'frames');
    out.noScriptControlsHidden = await plain.$eval('#controls', e => e.hidden);
    await plain.screenshot({ path: path.join(outdir, 'phone-no-javascript.png'), fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(out));
})().catch(e => {
  console.log(JSON.stringify({ error: String(e && e.stack || e) }));
  process.exit(1);
});
