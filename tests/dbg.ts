import { launchWithExtension } from './harness/browser';
import { startFixtureServer } from './harness/fixture-server';

const server = await startFixtureServer();
const b = await launchWithExtension({ port: server.port });
const page = await b.context.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
b.serviceWorker.on('console', (m) => console.log('worker', m.text()));
await page.goto('http://www.netflix.com/watch/90000103');
await page.waitForTimeout(3000);
console.log(await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.outerHTML).join('\n')));
console.log(page.frames().map((f) => f.url()));
const f = page.frames().find((fr) => fr.url().includes('panel.html'));
if (f) console.log(await f.evaluate(() => document.body.innerText.slice(0, 200)));
await page.screenshot({ path: '/tmp/frame.png' });
await b.close();
await server.close();
