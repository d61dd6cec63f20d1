/**
 * Preloaded into the bot's process by the load test (`node --import tsx --import
 * ./src/loadtest/probe.ts src/main.ts`), so no production code changes for measuring: it
 * watches the main thread's event-loop delay (perf_hooks.monitorEventLoopDelay) and the RSS,
 * and answers the load test over the IPC channel. Without an IPC channel it does nothing.
 *
 * The monitor records nothing until its timer has ticked once (SETUP.md), so the load test
 * enables it about 100 ms before the load starts. The channel is unref'd: the probe never keeps
 * the bot alive when it shuts down.
 */
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import type { LoopDelay, ProbeReply, ProbeRequest } from './probe-protocol.js';

const RESOLUTION_MS = 10;
const RSS_EVERY_MS = 250;

/**
 * The histogram holds the time between two ticks of a timer due every RESOLUTION_MS; the delay
 * is how much later than due it fired (an idle loop reads 0, not 10 ms).
 */
function delayOf(h: IntervalHistogram): LoopDelay {
  const ms = (ns: number) => Math.round(Math.max(0, ns / 1e6 - RESOLUTION_MS) * 100) / 100;
  if (h.count === 0) return { p50: 0, p99: 0, max: 0, mean: 0, samples: 0 };
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean), samples: h.count };
}

function start(send: (m: ProbeReply) => void): void {
  const total = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const window = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  let rssMin = Infinity;
  let rssMax = 0;
  let rssTimer: NodeJS.Timeout | undefined;
  let series: Array<[number, number]> = [];
  let enabledAt = 0;
  let ticks = 0;
  const sampleRss = (): number => {
    const rss = process.memoryUsage.rss();
    rssMin = Math.min(rssMin, rss);
    rssMax = Math.max(rssMax, rss);
    return rss;
  };
  const tick = (): void => {
    const rss = sampleRss();
    // One point a second is enough to see a trend; a window keeps at most an hour of them.
    if (++ticks % (1000 / RSS_EVERY_MS) === 0 && series.length < 3600) series.push([Math.round(performance.now() - enabledAt), rss]);
  };

  process.on('message', (raw: unknown) => {
    const m = raw as ProbeRequest;
    if (typeof m !== 'object' || m === null || !('probe' in m)) return;
    if (m.probe === 'enable') {
      total.enable();
      window.enable();
      enabledAt = performance.now();
      rssTimer ??= setInterval(tick, RSS_EVERY_MS).unref();
      send({ probe: 'enabled', rssBytes: sampleRss() });
    } else if (m.probe === 'sample') {
      const rss = sampleRss();
      send({
        probe: 'sample',
        label: m.label,
        rssBytes: rss,
        heapUsedBytes: process.memoryUsage().heapUsed,
        rssMinBytes: rssMin,
        rssMaxBytes: rssMax,
        rssSeries: series,
        loop: delayOf(window),
        loopTotal: delayOf(total),
      });
      window.reset();
      series = [];
      rssMin = rss;
      rssMax = rss;
    }
  });
  // Listening on 'message' refs the channel; the bot must still exit on its own at SIGTERM.
  process.channel?.unref();
  send({ probe: 'ready', pid: process.pid, rssBytes: process.memoryUsage.rss() });
}

if (typeof process.send === 'function') {
  const send = process.send.bind(process);
  start((m) => {
    if (process.connected) send(m);
  });
}
