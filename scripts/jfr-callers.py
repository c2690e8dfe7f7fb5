#!/usr/bin/env python3
"""Profiling (docs/benchmarks.md). For samples whose stack contains a frame matching --target, count the first caller frame outside --skip."""
import json, re, sys, collections, subprocess, argparse
from datetime import datetime
ap = argparse.ArgumentParser()
ap.add_argument('file'); ap.add_argument('--target', required=True); ap.add_argument('--skip', default='^$')
ap.add_argument('--last', type=float, default=0); ap.add_argument('--threads', default='.*'); ap.add_argument('--depth', type=int, default=3); ap.add_argument('--skiplast', type=float, default=0)
ap.add_argument('--jfr', default=__import__('os').environ.get('JFR', 'jfr'), help='the jfr tool (JDK 17+), or $JFR')
a = ap.parse_args()
ev = json.loads(subprocess.run([a.jfr, 'print', '--json', '--stack-depth', '96', '--events', 'jdk.ExecutionSample', a.file],
    capture_output=True, text=True, check=True).stdout)['recording']['events']
ts = [datetime.fromisoformat(e['values']['startTime'].replace('Z','+00:00')).timestamp() for e in ev]
end = max(ts); n = 0; c = collections.Counter()
for e, t in zip(ev, ts):
    if a.last and t < end - a.skiplast - a.last: continue
    if a.skiplast and t > end - a.skiplast: continue
    th = (e['values']['sampledThread'] or {}).get('javaName') or '?'
    if not re.search(a.threads, th): continue
    n += 1
    fr = [f"{f['method']['type']['name']}.{f['method']['name']}:{f.get('lineNumber')}" for f in (e['values'].get('stackTrace') or {}).get('frames', [])]
    idx = [i for i, f in enumerate(fr) if re.search(a.target, f)]
    if not idx: continue
    i = idx[-1] + 1
    chain = []
    while i < len(fr) and len(chain) < a.depth:
        if not re.search(a.skip, fr[i]): chain.append(fr[i])
        i += 1
    c[' <- '.join(chain)] += 1
print(f"samples in window/threads: {n}")
for k, v in c.most_common(15): print(f"{100*v/n:5.1f}% {k}")
