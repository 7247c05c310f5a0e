// Reads a Chromium trace (CDP Tracing, JSON events) and works out how much of a
// page's renderer main thread went to one script origin, for scripts/bench-browser.ts
// (and starts such traces, for it and scripts/bench-ab.ts).
//
// A top-level task (an outermost complete event on the page's CrRendererMain
// thread, normally `RunTask`) counts as "ours" when it runs our script, by either
// of two signs:
//   1. a trace event inside it names our script: EvaluateScript / v8.compile /
//      v8.run / FunctionCall / TimerFire / EventDispatch ... with args.data.url,
//      args.fileName or a stack frame under the script's URL prefix;
//   2. a V8 CPU-profiler sample (disabled-by-default-v8.cpu_profiler, ~0.1–0.2 ms
//      interval) taken inside it has a frame from that script anywhere on its stack.
// Sign 2 matters: most of a content script's work resumes through promises
// (idle-callback → resolve → async continuation, message replies, timers set by
// a framework), and those tasks carry no URL in their trace events.
//
// Reported per trace: the summed wall duration (and thread time) of our tasks,
// the longest one, and the page's total main-thread task time in the window.

import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: Record<string, any>;
}

export interface TaskSummary {
  /** ms, wall clock, tasks that ran our script. */
  attributedMs: number;
  /** ms of thread (CPU) time in those tasks. */
  attributedCpuMs: number;
  /** ms, the longest task that ran our script (wall). */
  longestMs: number;
  /** ms of rendering (style → layout → paint → commit span) inside that longest task (wall). */
  longestRenderMs: number;
  /** ms of CPU-profiler samples in our script inside that longest task. */
  longestSampledMs: number;
  /** ms of rendering (style → commit spans) inside all our tasks (wall). */
  renderMs: number;
  /** How many top-level tasks ran our script. */
  tasks: number;
  /** ms, every top-level task on the page's main thread in the window (wall). */
  totalMs: number;
  /** ms, ditto, thread time. */
  totalCpuMs: number;
  /** ms of CPU-profiler samples with one of our frames on the stack (≈ our JS, incl. DOM calls it makes). */
  sampledMs: number;
  /** Renderer process of the page (for diagnostics). */
  pid: number;
  /** Our tasks, in order: start (ms after the page's commit), wall and thread ms, what kind of task. */
  list: { atMs: number; ms: number; cpuMs: number; renderMs: number; sampledMs: number; kind: string }[];
}

// Rendering work: what the page's frame costs after our script changed the DOM
// (it runs in the same task as a requestAnimationFrame callback, or is forced
// synchronously by a script that reads layout). Counted as the span from the
// first to the end of the last of these events in a task: the frame lifecycle
// also does work between them that these categories do not name.
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayerTree', 'CompositeLayers', 'RasterTask']);

// What a task was, by the first of these found inside it.
const KINDS = ['EvaluateScript', 'FireIdleCallback', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'FunctionCall', 'RunMicrotasks', 'Receive mojo message', 'v8.callFunction'];

const URL_KEYS = ['url', 'fileName', 'scriptName', 'sourceURL'];

function urlsOf(e: TraceEvent): string[] {
  const out: string[] = [];
  const visit = (o: any, depth: number) => {
    if (!o || typeof o !== 'object' || depth > 3) return;
    for (const key of URL_KEYS) if (typeof o[key] === 'string') out.push(o[key]);
    if (Array.isArray(o.stackTrace)) for (const f of o.stackTrace) if (typeof f?.url === 'string') out.push(f.url);
    if (o.data) visit(o.data, depth + 1);
    if (o.beginData) visit(o.beginData, depth + 1);
  };
  visit(e.args, 0);
  return out;
}

/** The renderer process that committed `pageUrl` in the outermost main frame. */
export function rendererPidFor(events: TraceEvent[], pageUrl: string): number {
  for (const e of events) {
    const d = e.args?.data;
    if (e.name === 'FrameCommittedInBrowser' && d?.url === pageUrl && d.isOutermostMainFrame !== false && d.processId) return d.processId;
  }
  for (const e of events) {
    const frames = e.args?.data?.frames as { url: string; processId: number; isOutermostMainFrame?: boolean }[] | undefined;
    if (e.name === 'TracingStartedInBrowser' && frames) {
      const f = frames.find((x) => x.url === pageUrl && x.isOutermostMainFrame !== false);
      if (f) return f.processId;
    }
  }
  // Last resort: the renderer whose main thread parsed the page.
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (parse) return parse.pid;
  throw new Error(`no renderer in the trace committed ${pageUrl}`);
}

function mainThreadTid(events: TraceEvent[], pid: number): number {
  const meta = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  return meta ? meta.tid : pid;
}

/** Start times (µs, trace clock) of CPU-profiler samples on (pid, tid) that have one of our frames on the stack. */
function ourSamples(events: TraceEvent[], pid: number, tid: number, ours: (url: string) => boolean): { samples: [number, number][]; sampledUs: number } {
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const samples: [time: number, weight: number][] = [];
  let sampledUs = 0;
  for (const profile of profiles) {
    const parent = new Map<number, number | undefined>();
    const url = new Map<number, string | undefined>();
    const ourNode = new Map<number, boolean>();
    const isOurs = (id: number): boolean => {
      const known = ourNode.get(id);
      if (known !== undefined) return known;
      const u = url.get(id);
      const p = parent.get(id);
      const result = (u !== undefined && ours(u)) || (p !== undefined && isOurs(p));
      ourNode.set(id, result);
      return result;
    };
    let t = profile.args?.data?.startTime ?? profile.ts;
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id);
    for (const chunk of chunks) {
      const cpu = chunk.args?.data?.cpuProfile ?? {};
      for (const node of (cpu.nodes ?? []) as { id: number; parent?: number; callFrame: { url?: string } }[]) {
        parent.set(node.id, node.parent);
        url.set(node.id, node.callFrame?.url || undefined);
        ourNode.delete(node.id);
      }
      const nodes: number[] = cpu.samples ?? [];
      const deltas: number[] = chunk.args?.data?.timeDeltas ?? [];
      for (let i = 0; i < nodes.length; i++) {
        const delta = deltas[i] ?? 0;
        t += delta;
        if (isOurs(nodes[i])) {
          // A sample stands for the interval before it; weigh it by that delta
          // (bounded, in case the thread slept in between).
          const weight = Math.min(delta, 1000);
          samples.push([t, weight]);
          sampledUs += weight;
        }
      }
    }
  }
  samples.sort((a, b) => a[0] - b[0]);
  return { samples, sampledUs };
}

/** Starts a CDP trace of these categories; the returned function ends it and gives the events. */
export async function startTracing(cdp: CDPSession, categories: string[]): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories, excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/**
 * Summarise the page's main thread between `fromUs` and `toUs` (trace clock, µs;
 * defaults: the whole trace). `ours(url)` says whether a script URL is ours.
 */
export function summarize(events: TraceEvent[], pageUrl: string, ours: (url: string) => boolean, fromUs = -Infinity, toUs = Infinity): TaskSummary {
  const pid = rendererPidFor(events, pageUrl);
  const tid = mainThreadTid(events, pid);
  const thread = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  // Outermost events = top-level tasks; each gets a flag for "ran our script".
  const tasks: { ts: number; end: number; dur: number; tdur: number; ours: boolean; kind: number; renderStart: number; renderEnd: number; sampled: number }[] = [];
  for (const e of thread) {
    const last = tasks.at(-1);
    const end = e.ts + (e.dur ?? 0);
    const kind = KINDS.indexOf(e.name);
    if (last && e.ts < last.end) {
      if (!last.ours && urlsOf(e).some(ours)) last.ours = true;
      if (kind >= 0 && (last.kind < 0 || kind < last.kind)) last.kind = kind;
      if (RENDER.has(e.name)) {
        last.renderStart = Math.min(last.renderStart, e.ts);
        last.renderEnd = Math.max(last.renderEnd, end);
      }
      continue;
    }
    tasks.push({ ts: e.ts, end, dur: e.dur ?? 0, tdur: e.tdur ?? e.dur ?? 0, ours: urlsOf(e).some(ours), kind, renderStart: Infinity, renderEnd: -Infinity, sampled: 0 });
  }
  const { samples, sampledUs } = ourSamples(events, pid, tid, ours);
  let i = 0;
  for (const task of tasks) {
    while (i < samples.length && samples[i][0] < task.ts) i++;
    for (; i < samples.length && samples[i][0] <= task.end; i++) {
      task.ours = true;
      task.sampled += samples[i][1];
    }
  }

  const render = (t: (typeof tasks)[number]) => Math.max(0, t.renderEnd - t.renderStart);
  const inWindow = tasks.filter((t) => t.ts >= fromUs && t.ts <= toUs);
  const mine = inWindow.filter((t) => t.ours);
  const longest = mine.reduce<(typeof mine)[number] | undefined>((m, t) => (!m || t.dur > m.dur ? t : m), undefined);
  const ms = (us: number) => us / 1000;
  const commit = events.find((e) => e.name === 'FrameCommittedInBrowser' && e.args?.data?.processId === pid);
  const origin = commit?.ts ?? tasks[0]?.ts ?? 0;
  return {
    attributedMs: ms(mine.reduce((s, t) => s + t.dur, 0)),
    attributedCpuMs: ms(mine.reduce((s, t) => s + t.tdur, 0)),
    longestMs: ms(longest?.dur ?? 0),
    longestRenderMs: ms(longest ? render(longest) : 0),
    longestSampledMs: ms(longest?.sampled ?? 0),
    renderMs: ms(mine.reduce((s, t) => s + render(t), 0)),
    tasks: mine.length,
    totalMs: ms(inWindow.reduce((s, t) => s + t.dur, 0)),
    totalCpuMs: ms(inWindow.reduce((s, t) => s + t.tdur, 0)),
    sampledMs: ms(sampledUs),
    pid,
    list: mine.map((t) => ({ atMs: ms(t.ts - origin), ms: ms(t.dur), cpuMs: ms(t.tdur), renderMs: ms(render(t)), sampledMs: ms(t.sampled), kind: t.kind >= 0 ? KINDS[t.kind] : 'other' })),
  };
}
