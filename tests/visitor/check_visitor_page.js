// Opens the visitors' page of a playing player in Debian's headless Chromium, at phone
// size, in two languages at once, records every caption change each page shows (the
// wall-clock instant and the text), and meanwhile reads the player's own show clock from
// its control API (/status) every 40 ms. Midway it makes the player jump to a scene with
// the control API. On the French page the visitor turns the audio description on, and the
// sound's position is recorded every 100 ms. Prints one JSON object for
// tests/visitor/visitor_page_test.cpp.
// Usage: node check_visitor_page.js VISITOR_URL CONTROL_URL TOKEN OUTDIR JUMP_SCENE
'use strict';
const puppeteer = require('puppeteer-core');
const http = require('http');
const path = require('path');

const [visitorUrl, controlUrl, token, outdir, jumpScene] = process.argv.slice(2);
const sleep = ms => new Promise(r => setTimeout(r, ms));
const wallNow = () => performance.timeOrigin + performance.now();

function request(method, url) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { Authorization: 'Bearer ' + token } }, res => {
      let body = '';
      res.on('data', d => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// The player's show time, as its own control API says, with when the answer came: the
// instant halfway through the exchange (its round trip is kept to judge the sample).
async function sampleStatus(samples, until) {
  while (wallNow() < until) {
    const sent = wallNow();
    const r = await request('GET', controlUrl + 'status');
    const back = wallNow();
    const s = JSON.parse(r.body);
    samples.push({ at: (sent + back) / 2, rtt: back - sent, time: s.time, state: s.state, scene: s.scene });
    await sleep(40);
  }
}

async function openPage(browser, language) {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
  // Every change of the caption, stamped with the wall clock as it happens.
  await page.evaluateOnNewDocument(() => {
    window.__changes = [];
    document.addEventListener('DOMContentLoaded', () => {
      const caption = document.getElementById('caption');
      new MutationObserver(() => {
        window.__changes.push({ at: performance.timeOrigin + performance.now(), text: caption.textContent });
      }).observe(caption, { childList: true, characterData: true, subtree: true });
      // Where the description sound is, when it plays.
      window.__audio = [];
      const audio = document.getElementById('description');
      setInterval(() => {
        window.__audio.push({ at: performance.timeOrigin + performance.now(), time: audio.currentTime,
                              playing: !audio.paused && audio.readyState >= 2, src: audio.getAttribute('src') });
      }, 100);
    });
  });
  await page.goto(visitorUrl + '#' + language, { waitUntil: 'load' });
  return page;
}

(async () => {
  const out = { samples: [], pages: {} };
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // Two pages play two phones at once: neither is a background tab whose timers the
    // browser slows (a phone shows the page in front).
    args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', '--disable-dev-shm-usage', '--disable-background-timer-throttling',
           '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  });
  try {
    const pages = { en: await openPage(browser, 'en'), fr: await openPage(browser, 'fr') };
    // The French visitor turns the description on, as they would: a tap on its button.
    await pages.fr.bringToFront();
    await pages.fr.waitForSelector('#describe:not([hidden])', { timeout: 5000 });
    await pages.fr.click('#describe');
    const start = wallNow();
    // A loop and more, then a jump, then a loop and more again.
    const sampling = sampleStatus(out.samples, start + 22000);
    await sleep(11000);
    out.jumpAt = wallNow();
    out.jump = (await request('POST', controlUrl + 'scene/' + jumpScene)).status;
    await sleep(3000);
    await pages.en.screenshot({ path: path.join(outdir, 'visitor-en.png') });
    await pages.fr.screenshot({ path: path.join(outdir, 'visitor-fr.png') });
    await sampling;
    for (const language of Object.keys(pages)) {
      const page = pages[language];
      out.pages[language] = {
        changes: await page.evaluate(() => window.__changes),
        languageShown: await page.$eval('#language', e => e.value),
        title: await page.$eval('#title', e => e.textContent),
        sceneTitle: await page.$eval('#scene-title', e => e.textContent),
        sceneText: await page.$eval('#scene-text', e => e.textContent),
        ariaLive: await page.$eval('#caption', e => e.getAttribute('aria-live')),
        pageWidth: await page.evaluate(() => document.documentElement.scrollWidth),
        audio: await page.evaluate(() => window.__audio),
        describePressed: await page.$eval('#describe', e => e.getAttribute('aria-pressed')),
        htmlLang: await page.evaluate(() => document.documentElement.lang),
        // The page's own words, as the visitor's language has them.
        words: await page.evaluate(() => ({
          language: document.querySelector('label[for=language]').textContent,
          describe: document.getElementById('describe').textContent,
          captions: document.getElementById('captions-heading').textContent,
          still: document.getElementById('still').textContent,
          larger: document.getElementById('larger').getAttribute('aria-label'),
          smaller: document.getElementById('smaller').getAttribute('aria-label'),
        })),
      };
    }
    // The enlarge control makes the type larger; the motion toggle is a pressed button.
    const en = pages.en;
    await en.bringToFront();  // input goes to the page in front
    const before = await en.$eval('#caption', e => parseFloat(getComputedStyle(e).fontSize));
    await en.click('#larger');
    await en.click('#larger');
    out.captionFontBefore = before;
    out.captionFontAfter = await en.$eval('#caption', e => parseFloat(getComputedStyle(e).fontSize));
    await en.click('#still');
    out.stillPressed = await en.$eval('#still', e => e.getAttribute('aria-pressed'));
    await en.screenshot({ path: path.join(outdir, 'visitor-en-larger.png') });
    // A phone that asks for less motion gets it without touching anything.
    const calm = await browser.newPage();
    await calm.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await calm.goto(visitorUrl, { waitUntil: 'load' });
    out.reducedMotionPressed = await calm.$eval('#still', e => e.getAttribute('aria-pressed'));
    // A language the page has no words for: English words, the page still in that language.
    const other = await openPage(browser, 'hy');
    await other.waitForFunction(() => document.documentElement.lang === 'hy', { timeout: 5000 });
    out.untranslated = await other.evaluate(() => ({
      lang: document.documentElement.lang,
      describe: document.getElementById('describe').textContent,
      captions: document.getElementById('captions-heading').textContent,
    }));
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(out));
})().catch(e => {
  console.log(JSON.stringify({ error: String(e && e.stack || e) }));
  process.exit(1);
});
