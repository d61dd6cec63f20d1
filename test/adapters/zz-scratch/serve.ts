import { startClassApp } from '../../loadtest/class-app.js';
const env: Record<string,string> = {};
for (const a of process.argv.slice(2)) { const [k, ...v] = a.split('='); env[k!] = v.join('='); }
const c = await startClassApp(env);
console.log('URL', c.app.localUrl);
setInterval(() => { const e = c.log.entries.filter(x => x.level === 'error' || x.level === 'warn'); if (e.length) { for (const x of e) console.log('LOG', x.level, x.msg, JSON.stringify(x.obj).slice(0, 400)); c.log.entries.length = 0; } }, 500);
process.on('SIGTERM', async () => { await c.stop(); process.exit(0); });
