/**
 * The messages between the load test and its probe in the bot's process (over the child's IPC
 * channel). The probe measures; the load test decides when.
 */

/** Load test -> probe. */
export type ProbeRequest =
  /** Start the event-loop monitor (about 100 ms before the load, so its timer has ticked). */
  | { probe: 'enable' }
  /** Report the window since the last sample (or since `enable`) and start a new one. */
  | { probe: 'sample'; label: string };

/** Event-loop delay of a window, in milliseconds. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** Timer ticks recorded in the window. */
  samples: number;
}

/** Probe -> load test. */
export type ProbeReply =
  | { probe: 'ready'; pid: number; rssBytes: number }
  | { probe: 'enabled'; rssBytes: number }
  | {
      probe: 'sample';
      label: string;
      /** Resident set size now. */
      rssBytes: number;
      heapUsedBytes: number;
      /** Smallest and largest RSS seen in the window (sampled every 250 ms). */
      rssMinBytes: number;
      rssMaxBytes: number;
      /** RSS once a second in the window: [ms since enable, bytes]. */
      rssSeries: Array<[number, number]>;
      /** The window's event-loop delay. */
      loop: LoopDelay;
      /** Since `enable`. */
      loopTotal: LoopDelay;
    };

/** True for a message of the probe protocol. */
export function isProbeReply(m: unknown): m is ProbeReply {
  return typeof m === 'object' && m !== null && 'probe' in m && typeof (m as { probe: unknown }).probe === 'string';
}
