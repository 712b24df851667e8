/**
 * Renders the benchmark's JSON report as Markdown tables (bench/results/latest.md), ready to
 * paste into a README. Every number comes from the JSON; nothing is computed that is not there.
 */

type Summary = { n: number; p50: number | null; p90: number | null; p99: number | null; max: number | null; mean: number | null };

const f = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));

export function renderMarkdown(report: any): string {
  const m = report.meta;
  const out: string[] = [];
  out.push(`Measured ${m.startedAt.slice(0, 16).replace('T', ' ')} UTC at commit \`${m.gitCommit}\` with \`${m.command}\` on ${m.cpus} cores (${m.cpuModel}), ` +
    `${m.memoryGiB} GiB, Node ${m.node}; machine load average ${m.loadAverageAtStart[0]} at start and ${m.loadAverageAtEnd[0]} at the end` +
    ` (other work was running on the same 2 cores: see "waited for CPU"). Pipeline stages: ${(m.stages ?? []).map((s: string) => `\`${s}\``).join(', ') || '–'}.`);
  out.push('');
  out.push('| target | limit | measured | result |');
  out.push('|---|---|---|---|');
  for (const t of report.targets) {
    const measured = t.measured !== null ? `${f(t.measured)} ms` : t.lowerBound !== undefined ? `> 5 s for over 1% (p99 of received ${f(t.lowerBound)} ms)` : '–';
    out.push(`| ${t.name.replace(/ \(ms\)$/, '')} | ≤ ${t.limit} ms | ${measured} | ${t.pass === null ? 'not measured' : t.pass ? '**pass**' : '**fail**'}${t.note && t.pass !== false ? ` (${t.note})` : ''} |`);
  }
  if (report.chatOn || report.chatOff) {
    out.push('');
    out.push(`**Chat, send → delivery at the other clients** (${m.chatTopology.communities * m.chatTopology.roomsPerCommunity} rooms × ${m.chatTopology.clientsPerRoom} clients, ${m.secondsPerRate} s per rate after ${m.warmupSecondsPerRate} s warm-up; "lost" = not delivered within 5 s after the load stopped):`);
    out.push('');
    out.push('| pipeline | rate (msg/s) | sent at | p50 ms | p99 ms | lost | ack p50 ms | server CPU ms/msg | SQL stmts/msg | server CPU % of a core | waited for CPU % | event-loop p99 ms | RSS max MiB | load gen. CPU % |');
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [label, list] of [['on', report.chatOn], ['off', report.chatOff]] as const) {
      for (const p of list ?? []) {
        out.push(`| ${label} | ${p.targetRate} | ${f(p.achievedRate, 0)} | ${f(p.deliveryMs.p50)} | ${f(p.deliveryMs.p99)} | ${p.deliveriesLateOrLost}/${p.deliveriesExpected} | ${f(p.ackMs.p50)} | ` +
          `${f(p.perMessage.serverCpuMs, 2)} | ${f(p.perMessage.sqlStatementsRun)} | ${f(p.server.cpuPercentOfOneCore, 0)} | ${f(p.server.runQueueWaitPercent, 0)} | ${f(p.server.eventLoopDelayMs.p99)} | ${f(p.server.rssMiB.max, 0)} | ${f(p.loadGeneratorCpuPercentOfOneCore, 0)} |`);
      }
    }
    if (report.chatRatio) {
      out.push('');
      out.push(`Pipeline on ÷ off: ${report.chatRatio.map((r: any) => `${r.rate}/s p50 ×${f(r.p50OnOverOff, 2)}, p99 ×${f(r.p99OnOverOff, 2)}`).join('; ')}.`);
    }
  }
  if (report.pipeline) {
    const p = report.pipeline;
    out.push('');
    out.push(`**Pipeline per stage** (${p.totalMs.n} messages of the mix, median ${p.mix.chars.p50} chars; "alone" = the stage run by itself on the same input, "in pipeline" = the pipeline's own \`stageMs\`, which overlap because stages start together):`);
    out.push('');
    out.push('| stage | alone p50 ms | alone p99 ms | alone mean ms | in pipeline p50 ms | in pipeline p99 ms |');
    out.push('|---|---|---|---|---|---|');
    for (const [name, s] of Object.entries(p.stageAloneMs as Record<string, Summary>)) {
      const inP = (p.stageMs as Record<string, Summary>)[name];
      out.push(`| ${name} | ${f(s.p50, 2)} | ${f(s.p99, 2)} | ${f(s.mean, 2)} | ${f(inP?.p50, 2)} | ${f(inP?.p99, 2)} |`);
    }
    out.push(`| **total** (\`ms\`) | | | | ${f(p.totalMs.p50, 2)} | ${f(p.totalMs.p99, 2)} |`);
    out.push('');
    out.push(`By kind (total ms p50 / p99): ${Object.entries(p.byKindMs as Record<string, Summary>).map(([k, s]) => `${k} ${f(s.p50, 2)} / ${f(s.p99, 2)}`).join('; ')}. ` +
      `Outcomes: ${Object.entries(p.actions).map(([k, n]) => `${k} ${n}`).join(', ')}.`);
  }
  if (report.fanout) {
    const fo = report.fanout;
    out.push('');
    out.push(`**Fan-out**: one message to ${fo.sockets} sockets (${fo.sockets} users) in one room, ${fo.trials} trials, ${fo.complete} complete: ` +
      `send → last socket p50 ${f(fo.lastMs.p50)} ms, p99 ${f(fo.lastMs.p99)} ms; send → first socket p50 ${f(fo.firstMs.p50)} ms; ` +
      `server time in \`bus.publish\` (serialise + ${fo.sockets} × \`socket.send\`) p50 ${f(fo.serverPublishMs.p50)} ms, p99 ${f(fo.serverPublishMs.p99)} ms; ` +
      `server event-loop p99 ${f(fo.server.eventLoopDelayMs.p99)} ms, RSS ${f(fo.server.rssMiB.max, 0)} MiB.`);
  }
  if (report.queue) {
    const q = report.queue;
    out.push('');
    out.push(`**Review queue** with ${q.stored.messages.toLocaleString('en-US')} messages stored (${(q.stored.fileBytes / 2 ** 30).toFixed(2)} GiB SQLite file, ` +
      `${q.stored.queueOpen.toLocaleString('en-US')} open items of which ${q.counts?.total?.open ?? '–'} in the measured moderator's community, ${q.stored.queueDecided.toLocaleString('en-US')} decided):`);
    out.push('');
    out.push('| request | n | p50 ms | p99 ms | max ms | SQL statements per request |');
    out.push('|---|---|---|---|---|---|');
    const row = (label: string, s: { latencyMs: Summary; sqlStatementsPerRequest: number }) =>
      out.push(`| ${label} | ${s.latencyMs.n} | ${f(s.latencyMs.p50)} | ${f(s.latencyMs.p99)} | ${f(s.latencyMs.max)} | ${s.sqlStatementsPerRequest} |`);
    row('`GET /api/queue` (moderator, priority order, 50 items)', q.listPriority);
    row('`GET /api/queue?sort=oldest`', q.listOldest);
    row('`GET /api/queue` (admin: all 20 communities)', q.listAllCommunitiesAsAdmin);
    row('`POST /api/queue/:id/claim`', q.claim);
    out.push('');
    out.push(`Server start with this history: ${f(q.serverStartupWithHistoryMs, 0)} ms; the sealed-original purge query (start and every 10 minutes) ` +
      `plans as \`${q.purgeScan.plan.join('; ')}\` and took ${f(q.purgeScan.ms, 0)} ms. During the queue requests: event-loop p99 ${f(q.server.eventLoopDelayMs.p99)} ms, RSS ${f(q.server.rssMiB.max, 0)} MiB.`);
  }
  return `${out.join('\n')}\n`;
}
