#!/usr/bin/env python3
"""Profiling (docs/benchmarks.md). Sum durations of blocking events (park, monitor enter, socket read) per thread group and top frame."""
import json, re, sys, collections, subprocess, argparse
from datetime import datetime
ap = argparse.ArgumentParser(); ap.add_argument('file'); ap.add_argument('--threads', default='kept-slack')
ap.add_argument('--last', type=float, default=12); ap.add_argument('--skiplast', type=float, default=0); ap.add_argument('--jfr', default=__import__('os').environ.get('JFR', 'jfr'), help='the jfr tool (JDK 17+), or $JFR')
a = ap.parse_args()
for evt in ['jdk.ThreadPark', 'jdk.JavaMonitorEnter', 'jdk.SocketRead', 'jdk.JavaMonitorWait']:
    ev = json.loads(subprocess.run([a.jfr, 'print', '--json', '--stack-depth', '40', '--events', evt, a.file],
        capture_output=True, text=True, check=True).stdout)['recording']['events']
    if not ev: continue
    ts = [datetime.fromisoformat(e['values']['startTime'].replace('Z','+00:00')).timestamp() for e in ev]
    end = max(ts); tot = collections.Counter(); cnt = collections.Counter()
    def dur(d):
        # ISO-8601 duration like PT0.012S
        m = re.match(r'PT(?:(\d+)M)?([\d.]+)S', d); return (int(m.group(1) or 0)*60 + float(m.group(2))) if m else 0
    for e, t in zip(ev, ts):
        if t < end - a.skiplast - a.last or t > end - a.skiplast: continue
        th = (e['values'].get('eventThread') or {}).get('javaName') or '?'
        if not re.search(a.threads, th): continue
        fr = [f"{f['method']['type']['name']}.{f['method']['name']}" for f in (e['values'].get('stackTrace') or {}).get('frames', [])]
        key = next((f for f in fr if re.search(r'dev/kept|dev\.kept', f)), fr[0] if fr else '?')
        first = next((f for f in fr if not re.search(r'^(java|jdk|sun)/', f)), '?')
        k = f"{first}  [kept: {key}]"
        tot[k] += dur(e['values']['duration']); cnt[k] += 1
    print(f"== {evt} (threads /{a.threads}/, last {a.last}s): total {sum(tot.values()):.1f} s")
    for k, v in tot.most_common(8): print(f"  {v:7.2f} s  {cnt[k]:6d}x  {k}")
