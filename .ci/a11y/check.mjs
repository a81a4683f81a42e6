// The chat page's accessibility check (issue 15): axe-core on the page (light and dark, desktop and phone, before and
// after an answer and a safety reply) and Lighthouse's accessibility and best-practices scores, against a running host.
// Usage: node check.mjs <base url> <chromium path> <tools folder>. Exit 0 when clean, 1 otherwise; prints one line per finding.
// The tools (lighthouse, axe-core, puppeteer-core) come from <tools folder>/node_modules, installed by ./run.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [base, chromium, tools] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(tools), 'node_modules', 'noop.js'));
const puppeteer = require('puppeteer-core');
const lighthouse = (await import(pathToFileURL(path.join(path.resolve(tools), 'node_modules', 'lighthouse', 'core', 'index.js')).href)).default;
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const minimum = 0.95;
let failures = 0;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--remote-debugging-port=0'],
});
try {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844, isMobile: true, hasTouch: true }]]) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(base, { waitUntil: 'networkidle0' });
      failures += await axe(page, `${name}/${scheme}/first visit`);
      // Dismiss the first-visit note, then ask an ordinary and an urgent question and check the replies too.
      const dismiss = await page.$('#intro-dismiss');
      if (dismiss && await dismiss.isVisible()) await dismiss.click();
      for (const question of ['Can stem cell therapy help lupus?', 'I want to kill myself']) {
        const replies = '#log > .msg.bot:not(.pending)';
        const before = await page.$$eval(replies, e => e.length);
        await page.type('#question', question);
        await page.keyboard.press('Enter');
        await page.waitForFunction((sel, n) => document.querySelectorAll(sel).length > n && !document.querySelector('#log > .msg.pending'),
          { timeout: 180000 }, replies, before);
      }
      failures += await axe(page, `${name}/${scheme}/after an answer and a safety reply`);
      await page.close();
    }
  }

  const port = new URL(browser.wsEndpoint()).port;
  for (const formFactor of ['desktop', 'mobile']) {
    const result = await lighthouse(base, {
      port: Number(port),
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices'],
      formFactor,
      screenEmulation: formFactor === 'desktop'
        ? { mobile: false, width: 1280, height: 900, deviceScaleFactor: 1, disabled: false }
        : { mobile: true, width: 390, height: 844, deviceScaleFactor: 3, disabled: false },
    });
    for (const category of Object.values(result.lhr.categories)) {
      const ok = category.score >= minimum;
      console.log(`lighthouse ${result.lhr.lighthouseVersion} ${formFactor} ${category.id}: ${category.score.toFixed(2)} ${ok ? 'ok' : `FAIL (< ${minimum})`}`);
      if (!ok) {
        failures++;
        for (const ref of category.auditRefs) {
          const audit = result.lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  - ${audit.id}: ${audit.title}`);
        }
      }
    }
  }
} finally {
  await browser.close();
}

console.log(failures === 0 ? 'accessibility check: clean' : `accessibility check: ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);

async function axe(page, where) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  for (const v of results.violations) {
    console.log(`axe ${where}: ${v.impact} ${v.id} (${v.nodes.length}): ${v.help} ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
  }
  console.log(`axe-core ${results.testEngine.version} ${where}: ${results.violations.length} violation(s), ${serious.length} serious or critical`);
  return results.violations.length === 0 ? 0 : 1;
}
