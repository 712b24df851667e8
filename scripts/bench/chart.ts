/**
 * Renders the benchmark report as one SVG with Vega-Lite → Vega (renderer 'none', toSVG):
 * chat latency per rate (pipeline on vs off), pipeline time per stage, and each target.
 * No native binaries or browser needed.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface ChartInput {
  title: string;
  chat: Array<{ pipeline: 'on' | 'off'; rate: number; p50: number; p99: number }>;
  stages: Array<{ stage: string; p50: number; p99: number }>;
  targets: Array<{ name: string; label?: string; measured: number | null; limit: number; pass: boolean | null }>;
}

export async function renderChart(input: ChartInput): Promise<string> {
  const chatRows = input.chat.flatMap((c) => [
    { pipeline: `pipeline ${c.pipeline}`, rate: c.rate, percentile: 'p50', ms: Math.max(c.p50, 0.01) },
    { pipeline: `pipeline ${c.pipeline}`, rate: c.rate, percentile: 'p99', ms: Math.max(c.p99, 0.01) },
  ]);
  const stageRows = input.stages.flatMap((s) => [
    { stage: s.stage, percentile: 'p50', ms: s.p50 },
    { stage: s.stage, percentile: 'p99', ms: s.p99 },
  ]);
  const targetRows = input.targets.map((t) => ({
    name: t.label ?? t.name.replace(/ \(ms\)$/, ''), measured: Math.max(t.measured ?? 1, 1), base: 1, limit: t.limit, verdict: t.pass === null ? 'not measured' : t.pass ? 'pass' : 'fail',
  }));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, anchor: 'start', fontSize: 14 },
    config: { font: 'sans-serif', view: { stroke: '#ddd' } },
    resolve: { scale: { color: 'independent', shape: 'independent', strokeDash: 'independent' }, legend: { color: 'independent' } },
    vconcat: [
      {
        resolve: { scale: { color: 'independent', shape: 'independent', strokeDash: 'independent' }, legend: { color: 'independent' } },
        hconcat: [
          {
            title: ['Chat send → delivery at other clients (ms, log scale)', 'where deliveries were lost: p99 of those received'],
            width: 380,
            height: 240,
            layer: [
              {
                data: { values: chatRows },
                mark: { type: 'line', point: true },
                encoding: {
                  x: { field: 'rate', type: 'ordinal', title: 'messages per second', axis: { labelAngle: 0 } },
                  y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'latency (ms)' },
                  color: { field: 'pipeline', type: 'nominal', scale: { range: ['#1f77b4', '#ff7f0e'] }, title: null },
                  strokeDash: { field: 'percentile', type: 'nominal', title: null, scale: { domain: ['p50', 'p99'], range: [[1, 0], [5, 3]] } },
                  shape: { field: 'percentile', type: 'nominal', title: null },
                },
              },
              {
                data: { values: chatRows },
                mark: { type: 'text', dy: -8, fontSize: 9 },
                encoding: {
                  x: { field: 'rate', type: 'ordinal' },
                  y: { field: 'ms', type: 'quantitative', scale: { type: 'log' } },
                  text: { field: 'ms', type: 'quantitative', format: '.1f' },
                  color: { field: 'pipeline', type: 'nominal' },
                },
              },
              {
                data: { values: [{ ms: 50, label: 'target p99 ≤ 50 ms at 300/s' }] },
                layer: [
                  { mark: { type: 'rule', color: '#d62728', strokeDash: [2, 2] }, encoding: { y: { field: 'ms', type: 'quantitative' } } },
                  { mark: { type: 'text', align: 'left', dx: 4, dy: -6, color: '#d62728', fontSize: 10, x: 0 }, encoding: { y: { field: 'ms', type: 'quantitative' }, text: { field: 'label' } } },
                ],
              },
            ],
            resolve: { scale: { color: 'shared' } },
          },
          {
            title: 'Pipeline time per stage (ms), realistic mix',
            width: 300,
            height: 240,
            data: { values: stageRows },
            mark: 'bar',
            encoding: {
              y: { field: 'stage', type: 'nominal', title: null, sort: null },
              yOffset: { field: 'percentile', type: 'nominal' },
              x: { field: 'ms', type: 'quantitative', title: 'ms' },
              color: { field: 'percentile', type: 'nominal', scale: { range: ['#9ecae1', '#08519c'] }, title: null },
            },
          },
        ],
      },
      {
        title: 'Targets: measured (bar) against the limit (black tick), ms, log scale',
        width: 560,
        height: 130,
        data: { values: targetRows },
        layer: [
          {
            mark: 'bar',
            encoding: {
              y: { field: 'name', type: 'nominal', title: null, sort: null, axis: { labelLimit: 330 } },
              x: { field: 'measured', type: 'quantitative', title: 'ms', scale: { type: 'log', domainMin: 1 } },
              x2: { field: 'base' },
              color: { field: 'verdict', type: 'nominal', scale: { domain: ['pass', 'fail', 'not measured'], range: ['#2ca02c', '#d62728', '#bbbbbb'] }, title: null },
            },
          },
          { mark: { type: 'tick', color: 'black', thickness: 3 }, encoding: { y: { field: 'name', type: 'nominal', sort: null }, x: { field: 'limit', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
            encoding: { y: { field: 'name', type: 'nominal', sort: null }, x: { field: 'measured', type: 'quantitative' }, text: { field: 'measured', type: 'quantitative', format: '.1f' } },
          },
        ],
      },
    ],
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
